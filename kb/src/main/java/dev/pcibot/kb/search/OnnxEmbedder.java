package dev.pcibot.kb.search;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;

/**
 * An {@link Embedder} over a langchain4j in-process ONNX model (ONNX Runtime on the CPU; the model
 * and its tokenizer are read from the model's jar, never from the network).
 *
 * <p>Passages are cut to {@link #MAX_PASSAGE_CHARS} before embedding: the small models read at most
 * a few hundred word pieces, and a section's heading and opening say what it is about. Vectors are
 * normalised here, so that the index can compare them by dot product whatever the model returns.
 */
public final class OnnxEmbedder implements Embedder {
    /** About 200 word pieces: what fits the models' training length, and keeps the build fast. */
    static final int MAX_PASSAGE_CHARS = 1_000;

    /**
     * Most word pieces of a question the model reads ("query: " included). Its cost grows with the
     * pieces: on this 2-core machine about 2 ms plus 0.16 ms a piece, and a 40-word question full of
     * ids and parameters made up to 200 pieces (35 ms). Picked on the dev half of the real questions:
     * 96 ranks as well as no cap (R@1/R@3/MRR .563/.713/.655 against .563/.700/.653), 80 lost two
     * questions and 64 four.
     */
    static final int MAX_QUERY_PIECES = 96;

    private final String id;
    private final Supplier<EmbeddingModel> model;
    private final String queryPrefix;
    private final String passagePrefix;
    private volatile EmbeddingModel loaded;
    private final int dimension;

    /**
     * @param id the model's name, with anything that changes its vectors (prefixes, version)
     * @param model loads the model (on first use: loading takes a few hundred milliseconds)
     * @param queryPrefix put before a question ("query: " for e5, empty for MiniLM)
     * @param passagePrefix put before a passage
     */
    public OnnxEmbedder(String id, int dimension, Supplier<EmbeddingModel> model, String queryPrefix, String passagePrefix) {
        this.id = id;
        this.dimension = dimension;
        this.model = model;
        this.queryPrefix = queryPrefix;
        this.passagePrefix = passagePrefix;
    }

    private static final class Bundled {
        static final OnnxEmbedder INSTANCE = e5Small();
    }

    /** all-MiniLM-L6-v2, quantized to 8 bits: 23 MB, 6 layers, 384 dimensions (its jar is a test dependency). */
    static OnnxEmbedder minilm() {
        return new OnnxEmbedder("all-minilm-l6-v2-q/1.19.0-beta29/t1", 384,
                () -> new JarOnnxModel("all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q-tokenizer.json", PoolingMode.MEAN), "", "");
    }

    /** e5-small-v2, quantized: 33 MB, 12 layers, 384 dimensions; trained with a marker on each side. */
    static OnnxEmbedder e5Small() {
        return new OnnxEmbedder("e5-small-v2-q/1.11.0-beta19/t1", 384,
                () -> new JarOnnxModel("e5-small-v2-q.onnx", "e5-small-v2-q-tokenizer.json", PoolingMode.MEAN),
                "query: ", "passage: ");
    }

    /** The model the service uses (see {@link Embedder#bundled()}); one instance per JVM. */
    public static OnnxEmbedder bundled() {
        return Bundled.INSTANCE;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    private EmbeddingModel model() {
        EmbeddingModel m = loaded;
        if (m == null) {
            synchronized (this) {
                m = loaded;
                if (m == null) {
                    m = model.get();
                    loaded = m;
                }
            }
        }
        return m;
    }

    @Override
    public float[] embedQuery(String text) {
        EmbeddingModel m = model();
        String query = queryPrefix + text;
        if (m instanceof JarOnnxModel bundled) {
            query = bundled.firstPieces(query, MAX_QUERY_PIECES);
        }
        return normalized(m.embed(query).content().vector());
    }

    @Override
    public List<float[]> embedPassages(List<String> texts) {
        EmbeddingModel m = model();
        // NOTE: ONNX Runtime sessions are thread-safe; two threads on two cores halve the build
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())));
        try {
            return pool.submit(() -> texts.parallelStream()
                            .map(t -> normalized(m.embed(passagePrefix + cut(t)).content().vector()))
                            .toList())
                    .join();
        } finally {
            pool.shutdown();
        }
    }

    static String cut(String text) {
        return text.length() <= MAX_PASSAGE_CHARS ? text : text.substring(0, MAX_PASSAGE_CHARS);
    }

    static float[] normalized(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        double norm = Math.sqrt(sum);
        if (norm == 0) {
            return v;
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / norm);
        }
        return out;
    }
}
