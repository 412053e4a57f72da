package dev.pcibot.kb.diagnose;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A diagnosis stops at its budget or when cancelled, and says which lines it did not match. */
final class DiagnosisBudgetTest {
    private static final String NOT_VIABLE = "[   12.345678] vfio-pci 0000:01:00.0: group 13 is not viable\n";

    @Test
    void aCancelledBudgetStopsTheDiagnosisWithAPlainMessage() {
        DiagnosisBudget budget = Diagnoser.withoutCitations().budget();
        budget.cancel();
        DiagnosisTimeoutException e = assertThrows(DiagnosisTimeoutException.class,
                () -> Diagnoser.withoutCitations().diagnose(NOT_VIABLE.repeat(200), budget));
        assertTrue(e.cancelled());
        assertTrue(e.getMessage().contains("stopped"), e.getMessage());
    }

    @Test
    void aTricklingPasteIsStoppedAtItsBudgetNotReadToTheSizeLimit() {
        // given an endless paste that arrives one line at a time (a slow or hostile upload)
        Diagnoser diagnoser = new Diagnoser(CitationResolver.NONE, Duration.ofMillis(300));
        InputStream trickle = new InputStream() {
            private final byte[] line = NOT_VIABLE.getBytes(StandardCharsets.US_ASCII);
            private int at;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0];
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (at == 0) {
                    sleep(2);
                }
                int n = Math.min(len, line.length - at);
                System.arraycopy(line, at, b, off, n);
                at = (at + n) % line.length;
                return n;
            }
        };
        // when it is diagnosed, then it stops with the budget's message (the bound only keeps a
        // broken build from hanging: without a budget this reads for hours)
        DiagnosisTimeoutException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> assertThrows(DiagnosisTimeoutException.class, () -> diagnoser.diagnose(trickle)));
        assertFalse(e.cancelled());
        assertTrue(e.getMessage().contains("0.3 s"), e.getMessage());
    }

    @Test
    void aLineOverTheMatchLimitIsNotMatchedAndTheDiagnosisSaysSo() {
        // given the not-viable message padded past 4 KiB, and the same message plain
        String padded = "[   12.345678] vfio-pci 0000:01:00.0: group 13 is not viable" + " x".repeat(2100) + "\n";
        Diagnosis plain = Diagnoser.withoutCitations().diagnose(NOT_VIABLE);
        Diagnosis longLine = Diagnoser.withoutCitations().diagnose(NOT_VIABLE + padded);

        // then the plain line fires; the long one is listed as not checked, with its line number
        assertTrue(plain.findings().stream().anyMatch(f -> f.id().equals("group-not-viable")));
        assertTrue(plain.notChecked().stream().noneMatch(s -> s.contains("longer than")), plain.notChecked().toString());
        assertTrue(longLine.notChecked().stream().anyMatch(s -> s.contains("1 line(s) longer than 4096")
                && s.contains("line 2")), longLine.notChecked().toString());
    }

    @Test
    void aBudgetMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> DiagnosisBudget.of(Duration.ZERO));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
