package dev.pcibot.kb.diagnose.real;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pcibot.kb.diagnose.Diagnoser;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Regression floors on the real-paste set (diagnose/real): the figures the diagnosis reached when
 * the floors were set, so a change that loses a real finding, raises an alarm on a healthy paste or
 * falls into a trap fails the build. Raise the floors when the figures rise; the bench
 * (bench/kb/diagnosis-quality.sh --misses) says which pastes are missed.
 */
final class RealPastesTest {
    private static RealPasteSet set;
    private static final Diagnoser DIAGNOSER = Diagnoser.withoutCitations();

    @BeforeAll
    static void load() throws URISyntaxException {
        set = RealPasteSet.load(Path.of(RealPastesTest.class.getResource("/diagnose/real").toURI()));
    }

    @Test
    void devSplitKeepsItsFigures() {
        check(QualityScore.of(set, "dev", DIAGNOSER), Floors.DEV_RECALL, Floors.DEV_PRECISION, 0, 0, true);
    }

    @Test
    void testSplitKeepsItsFigures() {
        // held out: never tuned on, so its floor is what it measured, alarms and traps included
        check(QualityScore.of(set, "test", DIAGNOSER), Floors.TEST_RECALL, Floors.TEST_PRECISION,
                Floors.TEST_MAX_FALSE_ALARMS, Floors.TEST_MAX_TRAP_HITS, false);
    }

    @Test
    void theSetIsLargeEnoughToMeanSomething() {
        assertTrue(set.entries().size() >= Floors.MIN_PASTES, "only " + set.entries().size() + " pastes");
        assertTrue(set.entries().stream().filter(RealPasteSet.Entry::healthy).count() >= Floors.MIN_HEALTHY);
    }

    /**
     * @param showMisses whether a failure lists the pastes missed: not for the held-out half, whose
     *     misses someone fixing the failure would then tune on; the figures say what fell
     */
    private static void check(QualityScore s, double recall, double precision, int maxFalseAlarms, int maxTrapHits,
            boolean showMisses) {
        String why = s.summary() + (showMisses ? "\n" + s.failures() : " (the held-out half's misses are not listed)");
        assertTrue(s.recall() >= recall, "recall fell below " + recall + ": " + why);
        assertTrue(s.precision() >= precision, "precision fell below " + precision + ": " + why);
        assertTrue(s.falseAlarms <= maxFalseAlarms, "more alarms on healthy pastes than " + maxFalseAlarms + ": " + why);
        assertTrue(s.trapHits <= maxTrapHits, "more trap hits than " + maxTrapHits + ": " + why);
    }

    /** The floors, set at what the diagnosis reached (see the commit that last raised them). */
    private static final class Floors {
        // main before issue 8: dev 0.690 / 0.930, 2 alarms, 3 traps; test 0.596 / 0.824, 3 alarms, 6 traps
        // 189 pastes (diag): dev 0.986 / 1.000, 0 alarms, 0 traps; test 0.767 / 0.920, 2 alarms, 3 traps
        // 215 pastes (+26 GPU pastes p190-p215, code unchanged): dev 0.928 / 0.987, test 0.764 / 0.917,
        // 3 alarms, 4 traps (the new held-out pastes bring one alarm and one trap: measured, not tuned);
        // after the reworded-message rows: dev 0.988 / 1.000, 0 alarms, 0 traps; test 0.778 / 0.918, 3 alarms, 4 traps
        // 219 pastes (+p216-p219): dev 0.976 / 1.000 unchanged code, 0.988 / 1.000 with the quoted-ROM row; test 0.767 / 0.918
        // 214 pastes (pastes-io, 25 non-GPU pastes added): dev 0.988 / 1.000, 0 / 0; test 0.776 / 0.897,
        // 4 alarms, 5 traps: the test floors fell with the new held-out pastes, not with a code change
        // 245 pastes (both batches merged): dev 0.990 / 1.000, 0 / 40 alarms, 0 traps; test 0.778 / 0.900,
        // 5 / 45 alarms, 6 traps (the held-out additions brought the alarms and traps; measured, not tuned);
        // with the message rows read from the kernel's, QEMU's, libvirt's and qemu-server's sources: test 0.790 / 0.901
        static final double DEV_RECALL = 0.98;
        static final double DEV_PRECISION = 1.0;
        static final double TEST_RECALL = 0.78;
        static final double TEST_PRECISION = 0.89;
        static final int TEST_MAX_FALSE_ALARMS = 5;
        static final int TEST_MAX_TRAP_HITS = 6;
        static final int MIN_PASTES = 245;
        static final int MIN_HEALTHY = 85;
    }
}
