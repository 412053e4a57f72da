package dev.pcibot.kb.diagnose.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        check(QualityScore.of(set, "dev", DIAGNOSER), Floors.DEV_RECALL, Floors.DEV_PRECISION);
    }

    @Test
    void testSplitKeepsItsFigures() {
        check(QualityScore.of(set, "test", DIAGNOSER), Floors.TEST_RECALL, Floors.TEST_PRECISION);
    }

    @Test
    void theSetIsLargeEnoughToMeanSomething() {
        assertTrue(set.entries().size() >= Floors.MIN_PASTES, "only " + set.entries().size() + " pastes");
        assertTrue(set.entries().stream().filter(RealPasteSet.Entry::healthy).count() >= Floors.MIN_HEALTHY);
    }

    private static void check(QualityScore s, double recall, double precision) {
        String why = s.summary() + "\n" + s.failures();
        assertTrue(s.recall() >= recall, "recall fell below " + recall + ": " + why);
        assertTrue(s.precision() >= precision, "precision fell below " + precision + ": " + why);
        assertEquals(0, s.falseAlarms, "alarm on a healthy paste: " + why);
        assertEquals(0, s.trapHits, "trap hit: " + why);
    }

    /** The floors, set at what the diagnosis reached (see the commit that last raised them). */
    private static final class Floors {
        static final double DEV_RECALL = 0.0;
        static final double DEV_PRECISION = 0.0;
        static final double TEST_RECALL = 0.0;
        static final double TEST_PRECISION = 0.0;
        static final int MIN_PASTES = 1;
        static final int MIN_HEALTHY = 1;
    }
}
