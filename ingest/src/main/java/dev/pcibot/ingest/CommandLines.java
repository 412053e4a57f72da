package dev.pcibot.ingest;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells a command line (shell command or config line) from prose, comments and program output,
 * and writes it the way a user would type it: without the {@code # } root prompt.
 *
 * <p>The guides mix all of these without markup, so the decision rests on the first word: a known
 * command, a path, or a config keyword. {@code # Edit GRUB} is a comment (no command follows the
 * {@code #}); {@code # update-initramfs -u -k all} is a root prompt.
 */
final class CommandLines {

    // Commands the passthrough guides use, plus the usual shell tools around them.
    private static final Set<String> COMMANDS = Set.of(
            "apt", "apt-get", "cat", "cd", "chmod", "cp", "curl", "dmesg", "echo", "efibootmgr", "egrep",
            "find", "git", "grep", "journalctl", "ls", "lsblk", "lsmod", "lsof", "lspci", "lsusb", "make",
            "mkdir", "modprobe", "more", "mv", "nano", "proxmox-boot-tool", "pct", "pve-efiboot-tool",
            "pvesh", "pveversion", "qm", "readlink", "reboot", "rm", "sed", "sh", "sudo", "systemctl",
            "tee", "touch", "update-grub", "update-initramfs", "vi", "vim", "wget");

    // Lines of config files the guides show: modprobe.d, /etc/default/grub, qm config, /etc/kernel/cmdline.
    private static final Pattern CONFIG = Pattern.compile(
            "^(options|blacklist|softdep|install|alias) \\S.*"
                    + "|^GRUB_CMDLINE_LINUX(_DEFAULT)?=.*"
                    + "|^(hostpci\\d+|args|machine|cpu|vga|bios|usb\\d+): \\S.*");

    // Bare parameter or module lines: "iommu=pt", "vfio_pci", "i915.enable_gvt=1", "max_vfs=4".
    private static final Pattern PARAMETER = Pattern.compile("^[a-z][a-z0-9_.-]*(=\\S+)?$");

    // Kernel modules listed bare, one per line, as /etc/modules takes them.
    private static final Set<String> MODULES = Set.of(
            "vfio", "vfio-pci", "kvm", "kvmgt", "nouveau", "nvidia", "amdgpu", "radeon", "i915", "xhci_hcd");

    private static final Pattern PROMPT = Pattern.compile("^(#|\\$) (?=\\S)");

    private CommandLines() {}

    /**
     * The command on this line, prompt stripped, or empty when the line is prose, a comment or
     * output. Used on bare lines, where only a clear command counts.
     */
    static Optional<String> command(String line) {
        String trimmed = line.strip();
        var prompt = PROMPT.matcher(trimmed);
        if (prompt.find()) {
            String rest = trimmed.substring(prompt.end());
            // After a prompt only a real command counts: "# Check CPU support" is a comment.
            return isShellCommand(rest) ? Optional.of(rest) : Optional.empty();
        }
        if (isShellCommand(trimmed) || CONFIG.matcher(trimmed).matches() || isParameter(trimmed)) {
            return Optional.of(trimmed);
        }
        return Optional.empty();
    }

    /**
     * The command on a line inside a code block. More lenient than {@link #command}: a code block
     * also holds config lines such as {@code root=ZFS=rpool/ROOT/pve-1 boot=zfs}, so any line of
     * {@code key=value} words counts; comments and output lines do not.
     */
    static Optional<String> commandInCode(String line) {
        Optional<String> plain = command(line);
        if (plain.isPresent()) {
            return plain;
        }
        String trimmed = line.strip();
        if (!trimmed.startsWith("#") && isKeyValueLine(trimmed)) {
            return Optional.of(trimmed);
        }
        return Optional.empty();
    }

    /** Whether the line is a comment such as {@code # Edit GRUB} (not a prompt before a command). */
    static boolean isComment(String line) {
        String trimmed = line.strip();
        return trimmed.startsWith("#") && command(trimmed).isEmpty();
    }

    /**
     * Joins continued lines in a code listing: a line ending in {@code \\} goes on in the next one,
     * and a line starting with {@code =} is the rest of a value wrapped by the page
     * ({@code initcall_blacklist} / {@code =sysfb_init}).
     */
    static java.util.List<String> joinContinuations(java.util.List<String> lines) {
        java.util.List<String> out = new java.util.ArrayList<>();
        boolean continues = false;
        for (String line : lines) {
            String trimmed = line.strip();
            if (!out.isEmpty() && (continues || (trimmed.startsWith("=") && !out.get(out.size() - 1).isBlank()))) {
                String previous = out.remove(out.size() - 1);
                String joined = continues
                        ? previous.substring(0, previous.length() - 1).stripTrailing() + " " + trimmed
                        : previous + trimmed;
                out.add(joined);
            } else {
                out.add(line);
            }
            continues = trimmed.endsWith("\\") && !isComment(trimmed);
        }
        return out;
    }

    private static boolean isShellCommand(String text) {
        String first = firstWord(text);
        if (COMMANDS.contains(first)) {
            // "find out more" or "cat is ..." would be prose: a command has an argument or stands alone.
            return text.equals(first) ? isStandaloneCommand(first) : looksLikeArguments(text.substring(first.length()));
        }
        // A bare path ("/usr/share/kvm/.") ends a wrapped sentence more often than it runs a program.
        return first.startsWith("./") && first.length() > 2;
    }

    private static boolean isStandaloneCommand(String word) {
        return Set.of("reboot", "lsmod", "lspci", "lsusb", "dmesg", "update-grub", "pveversion").contains(word);
    }

    private static boolean looksLikeArguments(String rest) {
        // Prose after a command word reads like a sentence: "more information can be found ...".
        return rest.startsWith(" ")
                && (rest.contains("-") || rest.contains("/") || rest.contains("|") || rest.contains("\"")
                        || rest.contains("'") || rest.contains(">") || rest.contains("=") || rest.contains(":")
                        || rest.strip().split("\\s+").length <= 3);
    }

    private static boolean isParameter(String text) {
        // A single lower-case word may also be the tail of a wrapped sentence ("wiki"): it counts
        // only when it reads as a parameter (=, _, ., a digit) or is a module the guides load.
        return PARAMETER.matcher(text).matches() && !text.endsWith(".") && text.length() <= 60
                && (text.matches(".*[=_.0-9].*") || MODULES.contains(text));
    }

    private static boolean isKeyValueLine(String text) {
        String[] words = text.split("\\s+");
        int keyValues = 0;
        for (String word : words) {
            if (word.contains("=")) {
                keyValues++;
            }
        }
        return keyValues > 0 && keyValues * 2 >= words.length;
    }

    private static String firstWord(String text) {
        int space = text.indexOf(' ');
        return space < 0 ? text : text.substring(0, space);
    }
}
