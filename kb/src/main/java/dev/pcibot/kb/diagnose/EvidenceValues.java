package dev.pcibot.kb.diagnose;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The PCI address and IOMMU group a finding's evidence names, so its fix can show the user's own
 * device instead of an example. Finding texts mark the spots as {@code {device|0000:01:00.0}},
 * {@code {slot|01:00}} (bus:device, all functions) and {@code {group|N}}; the part after {@code |}
 * is what the text says when the evidence names none.
 *
 * @param device the first PCI address in the evidence, domain form, or null
 * @param group the first IOMMU group number in the evidence, or null
 */
record EvidenceValues(@Nullable String device, @Nullable String group) {
    // NOTE: the look-arounds keep journal times ("10:05:41.123456") from reading as "05:41.1"; they
    // need java.util.regex, which is linear here: every quantifier is bounded.
    private static final Pattern ADDRESS = Pattern.compile(
            "(?<![\\w:.])((?:[0-9a-fA-F]{4}:)?[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\\.[0-7])(?![\\w.])");
    private static final Pattern GROUP = Pattern.compile("(?i)\\b(?:iommu_)?group[ /](\\d{1,4})\\b");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(device|slot|group)\\|([^}]*)}");

    static EvidenceValues of(List<String> evidence) {
        String device = null;
        String group = null;
        for (String line : evidence) {
            if (device == null) {
                Matcher m = ADDRESS.matcher(line);
                if (m.find()) {
                    String a = m.group(1).toLowerCase(Locale.ROOT);
                    device = a.length() == 7 ? "0000:" + a : a;
                }
            }
            if (group == null) {
                Matcher m = GROUP.matcher(line);
                if (m.find()) {
                    group = m.group(1);
                }
            }
        }
        return new EvidenceValues(device, group);
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
                default -> group;
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group(2)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
