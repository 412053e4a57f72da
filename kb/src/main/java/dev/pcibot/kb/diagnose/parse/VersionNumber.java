package dev.pcibot.kb.diagnose.parse;

import java.util.ArrayList;
import java.util.List;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * A version compared by its numbers: {@code 6.8.12-4} after {@code 6.8.8-2}, {@code 8.2.4} after
 * {@code 8.1.10}. Enough for kernel releases and Proxmox package versions, whose order is numeric;
 * not a full Debian version comparison (no epochs or tildes).
 *
 * @param raw as written
 * @param parts the numbers in it, in order
 */
public record VersionNumber(String raw, List<Integer> parts) implements Comparable<VersionNumber> {
    private static final Pattern DIGITS = Pattern.compile("\\d{1,9}");

    public VersionNumber {
        parts = List.copyOf(parts);
    }

    public static VersionNumber of(String raw) {
        List<Integer> parts = new ArrayList<>();
        Matcher m = DIGITS.matcher(raw);
        while (m.find()) {
            parts.add(Integer.valueOf(m.group()));
        }
        return new VersionNumber(raw, parts);
    }

    /** The first number ({@code 8} of {@code 8.2.4}), or 0 when there is none. */
    public int major() {
        return parts.isEmpty() ? 0 : parts.get(0);
    }

    /** The second number ({@code 2} of {@code 8.2.4}), or 0. */
    public int minor() {
        return parts.size() < 2 ? 0 : parts.get(1);
    }

    public boolean isAtLeast(String other) {
        return compareTo(of(other)) >= 0;
    }

    @Override
    public int compareTo(VersionNumber o) {
        for (int i = 0; i < Math.max(parts.size(), o.parts.size()); i++) {
            int a = i < parts.size() ? parts.get(i) : 0;
            int b = i < o.parts.size() ? o.parts.get(i) : 0;
            if (a != b) {
                return Integer.compare(a, b);
            }
        }
        return 0;
    }
}
