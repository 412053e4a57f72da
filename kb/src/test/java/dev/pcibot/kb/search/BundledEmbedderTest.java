package dev.pcibot.kb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.model.embedding.onnx.PoolingMode;
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

    @Test
    void aQuestionIsReadUpToTheCapOfWordPiecesCutAtAPiecesEnd() {
        JarOnnxModel model = new JarOnnxModel("e5-small-v2-q.onnx", "e5-small-v2-q-tokenizer.json", PoolingMode.MEAN);
        String ids = "query: vfio-pci.ids=10de:1b80,10de:10f0 " + "ids ".repeat(200);
        String cut = model.firstPieces(ids, OnnxEmbedder.MAX_QUERY_PIECES);
        assertTrue(cut.length() < ids.length() && ids.startsWith(cut), cut);
        // "vfio-pci.ids=10de:1b80,10de:10f0" is one word of many pieces, so the cut keeps fewer words than pieces
        int words = cut.split(" ").length;
        assertTrue(words < OnnxEmbedder.MAX_QUERY_PIECES - 15, words + " words kept");
        assertTrue(cut.endsWith("ids"), "cut at a piece's end: " + cut.substring(cut.length() - 10));
        String shortQuestion = "query: my gpu shows error 43";
        assertEquals(shortQuestion, model.firstPieces(shortQuestion, OnnxEmbedder.MAX_QUERY_PIECES));
    }

    @Test
    void aVeryLongQuestionEmbedsLikeItsCappedStart() {
        String start = "my rx 580 does not reset after the vm is shut down and the second start hangs ";
        float[] longOne = embedder.embedQuery(start + "and also ".repeat(300));
        assertEquals(1.0, dot(longOne, longOne), 1e-4);
        float[] capped = embedder.embedQuery(start + "and also ".repeat(60));
        assertEquals(1.0, dot(longOne, capped), 1e-4);
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
