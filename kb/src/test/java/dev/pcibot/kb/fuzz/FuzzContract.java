package dev.pcibot.kb.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pcibot.kb.diagnose.InputRejectedException;

/**
 * What every fuzz target asserts besides "no other exception escapes": refusals carry a message a
 * user can read, and output stays within a bound set by the input's size (so a paste cannot make
 * the answer grow faster than itself).
 */
final class FuzzContract {
    /**
     * Output may be at most this many times the input, plus {@link #SLACK} characters. The
     * diagnosis quotes evidence lines and a few unparsed lines per part, each at most once; the
     * seeds stay under x3.
     */
    static final int MAX_GROWTH = 8;
    /** Fixed texts (finding titles, fixes, next steps) that even a one-line paste can earn. */
    static final int SLACK = 64 * 1024;

    private FuzzContract() {}

    static void readableRefusal(InputRejectedException e) {
        assertFalse(e.getMessage() == null || e.getMessage().isBlank(), "a refusal must say why");
        assertTrue(e.getMessage().length() < 2_000, "a refusal is a sentence or two: " + e.getMessage().length());
    }

    static void bounded(String what, long inputChars, long outputChars) {
        assertTrue(outputChars <= MAX_GROWTH * inputChars + SLACK,
                what + " grew from " + inputChars + " to " + outputChars + " characters");
    }
}
