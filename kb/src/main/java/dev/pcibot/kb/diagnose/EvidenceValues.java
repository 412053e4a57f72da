package dev.pcibot.kb.diagnose;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The user's own values a finding's evidence names, so its fix shows them instead of an example.
 * Finding texts mark the spots as {@code {device|0000:01:00.0}}, {@code {slot|01:00}} (bus:device,
 * all functions), {@code {group|N}}, {@code {ids|10de:1b80,10de:10f0}} (the vendor:device ids of
 * the functions the evidence lists), {@code {driver|nouveau}} (the host driver holding one),
 * {@code {vmid|VMID}} and {@code {hostpci|hostpci0}}; the part after {@code |} is what the text says
 * when the paste names none.
 *
 * @param device the first PCI address in the evidence, domain form, or null
 * @param group the first IOMMU group number in the evidence, or null
 * @param ids the vendor:device ids of lspci-style lines in the evidence, comma-joined, or null
 * @param driver the first host driver a {@code Kernel driver in use:} line names, or null
 * @param vmid the VM the paste is about, or null
 * @param hostpci the hostpci entry the evidence names, or null
 */
record EvidenceValues(@Nullable String device, @Nullable String group, @Nullable String ids,
        @Nullable String driver, @Nullable String vmid, @Nullable String hostpci) {
    // NOTE: the look-arounds keep journal times ("10:05:41.123456") from reading as "05:41.1"; they
    // need java.util.regex, which is linear here: every quantifier is bounded.
    private static final Pattern ADDRESS = Pattern.compile(
            "(?<![\\w:.])((?:[0-9a-fA-F]{4}:)?[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\\.[0-7])(?![\\w.])");
    private static final Pattern GROUP = Pattern.compile("(?i)\\b(?:iommu_)?group[ /](\\d{1,4})\\b");
    // lspci -nn ends a function's line with [vendor:device]; a Subsystem line's ids are the board's
    private static final Pattern IDS = Pattern.compile("\\[([0-9a-f]{4}:[0-9a-f]{4})\\](?: \\(rev [0-9a-f]{2}\\))?\\s*$");
    private static final Pattern DRIVER = Pattern.compile("Kernel driver in use: ([\\w-]+)");
    private static final Pattern VMID = Pattern.compile("\\bqm (?:start|config|set|showcmd) (\\d{3,9})\\b|VMID '(\\d{3,9})'");
    private static final Pattern HOSTPCI = Pattern.compile("\\b(hostpci\\d{1,2})\\b");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(device|slot|group|ids|driver|vmid|hostpci)\\|([^}]*)}");

    static EvidenceValues of(List<String> evidence) {
        return of(evidence, null);
    }

    /** The values of the evidence; the VM id falls back to the VM the paste's prompts name. */
    static EvidenceValues of(List<String> evidence, @Nullable String vmOfPaste) {
        String device = null;
        String group = null;
        String driver = null;
        String vmid = null;
        String hostpci = null;
        List<String> ids = new ArrayList<>();
        for (String line : evidence) {
            if (device == null) {
                Matcher m = ADDRESS.matcher(line);
                if (m.find()) {
                    String a = m.group(1).toLowerCase(Locale.ROOT);
                    device = a.length() == 7 ? "0000:" + a : a;
                }
            }
            group = group != null ? group : first(GROUP, line);
            Matcher d = DRIVER.matcher(line);
            if (driver == null && d.find() && !d.group(1).equals("vfio-pci")) {
                driver = d.group(1);
            }
            if (vmid == null) {
                Matcher v = VMID.matcher(line);
                if (v.find()) {
                    vmid = v.group(1) != null ? v.group(1) : v.group(2);
                }
            }
            hostpci = hostpci != null ? hostpci : first(HOSTPCI, line);
            Matcher i = IDS.matcher(line);
            if (!line.strip().startsWith("Subsystem") && i.find() && !ids.contains(i.group(1))) {
                ids.add(i.group(1));
            }
        }
        return new EvidenceValues(device, group, ids.isEmpty() ? null : String.join(",", ids), driver,
                vmid != null ? vmid : vmOfPaste, hostpci);
    }

    private static @Nullable String first(Pattern p, String line) {
        Matcher m = p.matcher(line);
        return m.find() ? m.group(1) : null;
    }

    /** The text with every placeholder replaced by the evidence's value, or by its default. */
    String fill(String text) {
        if (text.indexOf('{') < 0) {
            return text;
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "device" -> device;
                case "slot" -> device == null ? null : device.substring(5, 10); // 0000:0b:00.0 -> 0b:00
                case "ids" -> ids;
                case "driver" -> driver;
                case "vmid" -> vmid;
                case "hostpci" -> hostpci;
                default -> group;
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group(2)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
