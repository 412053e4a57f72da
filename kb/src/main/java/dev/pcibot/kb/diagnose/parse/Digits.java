package dev.pcibot.kb.diagnose.parse;

import org.jspecify.annotations.Nullable;

/**
 * Numbers read from pasted text, where a regex's {@code \d+} may hold more digits than an int: the
 * value, or null for a run too long to be a real group number or count (the caller then treats its
 * line as not understood instead of throwing NumberFormatException, which the fuzzer found).
 */
final class Digits {
    /** IOMMU groups, use counts and the like: far below a billion on any machine. */
    private static final int MAX_DIGITS = 9;

    private Digits() {}

    static @Nullable Integer smallInt(String digits) {
        return digits.isEmpty() || digits.length() > MAX_DIGITS ? null : Integer.valueOf(digits);
    }
}
