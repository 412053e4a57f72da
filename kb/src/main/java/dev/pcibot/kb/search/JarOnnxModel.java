package dev.pcibot.kb.search;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A sentence-embedding model read from the class path (the ONNX file and tokenizer a langchain4j
 * model jar ships), with an ONNX Runtime session of our own settings: one thread per inference.
 * On a small shared machine a query spread over all cores waits for the busiest one; the index
 * build runs two single-threaded inferences side by side instead ({@link OnnxEmbedder}).
 */
final class JarOnnxModel extends AbstractInProcessEmbeddingModel {
    private final OnnxBertBiEncoder encoder;

    /**
     * @param onnx resource name of the model ({@code e5-small-v2-q.onnx})
     * @param tokenizer resource name of its tokenizer ({@code e5-small-v2-q-tokenizer.json})
     */
    JarOnnxModel(String onnx, String tokenizer, PoolingMode pooling) {
        super(Runnable::run);
        ClassLoader loader = JarOnnxModel.class.getClassLoader();
        try (InputStream model = loader.getResourceAsStream(onnx); InputStream vocab = loader.getResourceAsStream(tokenizer)) {
            if (model == null || vocab == null) {
                throw new IllegalStateException("the embedding model " + onnx + " is not on the class path");
            }
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            OrtSession session = env.createSession(model.readAllBytes(), options);
            this.encoder = new OnnxBertBiEncoder(env, session, vocab, pooling);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the embedding model " + onnx, e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot load the embedding model " + onnx + ": " + e.getMessage(), e);
        }
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }
}
