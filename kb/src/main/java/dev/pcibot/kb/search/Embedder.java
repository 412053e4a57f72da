package dev.pcibot.kb.search;

import java.util.List;

/**
 * Turns text into a unit-length vector whose dot product with another says how close in meaning
 * the two are: the dense half of the hybrid search. Runs in-process, offline (the model ships
 * inside a jar). Thread-safe.
 *
 * <p>Queries and passages are embedded apart because some models (e5) are trained with a marker
 * for each side.
 */
public interface Embedder {
    /** Names the model; stored in the index, so that an index built with another model is stale. */
    String id();

    /** Length of every vector. */
    int dimension();

    /** The vector of a (trimmed) question. */
    float[] embedQuery(String text);

    /** The vectors of passages, in order (may use several threads). */
    List<float[]> embedPassages(List<String> texts);

    /**
     * The model the service uses: e5-small-v2, quantized. Chosen over all-MiniLM-L6-v2 (quantized
     * and not) on the dev half of the real questions, where it ranks the answer first far more often;
     * it costs about twice the query time (figures: bench/kb/search-quality.sh, bench/kb/run.sh).
     */
    static Embedder bundled() {
        return OnnxEmbedder.bundled();
    }
}
