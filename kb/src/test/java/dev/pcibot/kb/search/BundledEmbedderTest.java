package dev.pcibot.kb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The bundled model, loaded from its jar (off the Java heap), embeds as a sentence model should. */
class BundledEmbedderTest {
    private final Embedder embedder = Embedder.bundled();

    @Test
    void queriesAreUnitVectorsOfTheModelsDimension() {
        float[] v = embedder.embedQuery("how do I enable the IOMMU on an Intel CPU");
        assertEquals(384, v.length);
        assertEquals(1.0, dot(v, v), 1e-4);
    }

    @Test
    void aQuestionIsCloserToItsAnswerThanToAnUnrelatedPassage() {
        float[] q = embedder.embedQuery("how do I enable the IOMMU on an Intel CPU");
        List<float[]> passages = embedder.embedPassages(List.of(
                "Add intel_iommu=on to the kernel command line in /etc/default/grub, run update-grub and reboot.",
                "Knead the dough for ten minutes and let it rise in a warm place for an hour."));
        assertTrue(dot(q, passages.get(0)) > dot(q, passages.get(1)) + 0.05,
                "answer " + dot(q, passages.get(0)) + " vs unrelated " + dot(q, passages.get(1)));
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
