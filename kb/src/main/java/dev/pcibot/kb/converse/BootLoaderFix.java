package dev.pcibot.kb.converse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Narrows a finding's fix to one boot loader. The finding texts (content/findings) give a kernel
 * command-line change as two list items, {@code - GRUB: ...} and {@code - systemd-boot: ...}, each
 * with its indented continuation; once the user's boot loader is known, the other item is noise.
 */
final class BootLoaderFix {
    private BootLoaderFix() {}

    /** Whether the fix gives both variants (so asking for the boot loader is worth a step). */
    static boolean offersBoth(String fix) {
        return itemStart(fix.lines().toList(), "grub") >= 0 && itemStart(fix.lines().toList(), "systemd-boot") >= 0;
    }

    /** The fix without the other boot loader's item; unchanged when the loader is null or unknown. */
    static String narrow(String fix, String bootLoader) {
        String other = switch (bootLoader) {
            case "grub" -> "systemd-boot";
            case "systemd-boot" -> "grub";
            default -> null;
        };
        if (other == null || !offersBoth(fix)) {
            return fix;
        }
        List<String> lines = new ArrayList<>(fix.lines().toList());
        int start;
        while ((start = itemStart(lines, other)) >= 0) {
            int indent = indent(lines.get(start));
            int end = start + 1;
            // the item's continuation: blank lines and lines indented deeper than its dash
            while (end < lines.size() && (lines.get(end).isBlank() || indent(lines.get(end)) > indent)) {
                end++;
            }
            while (end > start + 1 && lines.get(end - 1).isBlank()) {
                end--; // keep the blank line that separates what follows
            }
            lines.subList(start, end).clear();
        }
        return String.join("\n", lines);
    }

    private static int itemStart(List<String> lines, String loader) {
        for (int i = 0; i < lines.size(); i++) {
            String s = lines.get(i).strip().toLowerCase(Locale.ROOT);
            if (s.startsWith("- " + loader) && (s.length() == loader.length() + 2
                    || !Character.isLetterOrDigit(s.charAt(loader.length() + 2)))) {
                return i;
            }
        }
        return -1;
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
