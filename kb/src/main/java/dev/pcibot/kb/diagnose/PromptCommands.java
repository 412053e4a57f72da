package dev.pcibot.kb.diagnose;

import java.util.Locale;
import java.util.Optional;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Recognises a shell prompt line in a paste ({@code root@pve:~# lspci -nnk}) and tells which probe
 * the command is. A bare {@code #} or {@code $} counts only before a known command, because
 * config files pasted alongside start their comments with {@code #} too.
 */
final class PromptCommands {
    private static final Pattern USER_PROMPT =
            Pattern.compile("^\\s*\\[?[\\w.-]{1,64}@[\\w.-]{1,64}(?::[^#$]{0,128}|\\s+[^#$\\]]{0,128})?\\]?\\s?[#$%]\\s*(.*)$");
    private static final Pattern BARE_PROMPT = Pattern.compile("^\\s*[#$%>]\\s*(.+)$");
    private static final Pattern KNOWN_COMMAND =
            Pattern.compile(
                    "^(?:sudo\\s+){0,2}(?:dmesg|journalctl|lspci|lsmod|find|for|ls|cat|grep|egrep|qm|pvesh"
                            + "|pveversion|uname|lscpu|tail|head|less|cut)\\b.*");

    // user@host:/a/rather/long/path# fits; a prompt character further in is part of some output
    private static final int PROMPT_WIDTH = 160;

    private PromptCommands() {}

    /** The command typed at a prompt on this line, if the line is a prompt. */
    static Optional<String> command(String line) {
        if (!hasPromptChar(line)) {
            return Optional.empty(); // most lines: no regex at all
        }
        Matcher user = USER_PROMPT.matcher(line);
        if (user.matches()) {
            return Optional.of(user.group(1).strip());
        }
        Matcher bare = BARE_PROMPT.matcher(line);
        if (bare.matches() && KNOWN_COMMAND.matcher(bare.group(1).strip()).matches()) {
            return Optional.of(bare.group(1).strip());
        }
        return Optional.empty();
    }

    private static boolean hasPromptChar(String line) {
        for (int i = 0, end = Math.min(line.length(), PROMPT_WIDTH); i < end; i++) {
            char c = line.charAt(i);
            if (c == '#' || c == '$' || c == '%' || c == '>') {
                return true;
            }
        }
        return false;
    }

    /** The probe whose output this command prints, or null when it is none of ours. */
    static @Nullable Probe probeOf(String command) {
        String c = command.toLowerCase(Locale.ROOT);
        if (c.contains("dmesg") || c.contains("journalctl")) {
            if (c.contains("remapping")) {
                return Probe.IRQ_REMAPPING;
            }
            // only a grep that would print the start-up lines: DMAR, AMD-Vi, or iommu ignoring case
            // ('Intel-IOMMU' alone matches one rare line, so its silence proves nothing)
            boolean ignoreCase = c.matches(".*\\bgrep\\b.*\\s-\\w*i.*");
            if (c.contains("grep") && (c.contains("dmar") || c.contains("amd-vi") || (ignoreCase && c.contains("iommu"))
                    || c.matches(".*-e\\s+['\"]?iommu\\b.*"))) {
                return Probe.KERNEL_IOMMU;
            }
            return Probe.KERNEL_LOG;
        }
        if (c.matches(".*\\bqm\\s+(start|showcmd|resume)\\b.*")) {
            return Probe.VM_START_ERROR;
        }
        if (c.contains("iommu_groups") || c.contains("iommu-group") || c.contains("ls-iommu")) {
            return Probe.IOMMU_GROUPS;
        }
        if (c.contains("pvesh") && c.contains("hardware/pci")) {
            return Probe.PCI_JSON;
        }
        if (c.matches("(?:sudo\\s+){0,2}lspci\\b.*")) {
            if (c.matches(".*\\s-\\w*v.*")) {
                return Probe.LSPCI_VV;
            }
            return c.matches(".*\\s-s\\s.*") ? Probe.LSPCI_DEV : Probe.LSPCI_NNK;
        }
        if (c.contains("lsmod")) {
            return Probe.VFIO_MODULES;
        }
        if (c.contains("/proc/cmdline") || c.contains("/etc/default/grub") || c.contains("/etc/kernel/cmdline")) {
            return Probe.CMDLINE;
        }
        if (c.contains("modprobe") || c.contains("/etc/modules")) {
            return Probe.MODPROBE_CONF;
        }
        if (c.matches(".*\\bqm\\s+config\\b.*") || c.contains("qemu-server/")) {
            return Probe.QM_CONFIG;
        }
        if (c.startsWith("uname")) {
            return Probe.NODE_STATUS;
        }
        if (c.startsWith("pveversion")) {
            return Probe.VERSION;
        }
        if (c.contains("/proc/cpuinfo") || c.startsWith("lscpu")) {
            return Probe.CPU_FLAGS;
        }
        return null;
    }

    /** Whether a kernel log command prints the log unfiltered (absence of a line then means something). */
    static boolean printsWholeLog(String command) {
        String c = command.toLowerCase(Locale.ROOT);
        return !c.contains("grep") && !c.contains("tail") && !c.contains("head") && !c.contains(" -g");
    }

    /** The VM id or PCI address the command names, if any ({@code qm config 100} gives 100). */
    static @Nullable String argument(String command) {
        Matcher vmid = Pattern.compile("\\bqm\\s+\\w+\\s+(\\d{3,9})\\b|qemu-server/(\\d{3,9})\\.conf").matcher(command);
        if (vmid.find()) {
            return vmid.group(1) != null ? vmid.group(1) : vmid.group(2);
        }
        Matcher pci = Pattern.compile("-s\\s+((?:[0-9a-fA-F]{4}:)?[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\\.[0-7])").matcher(command);
        return pci.find() ? pci.group(1) : null;
    }
}
