package dev.pcibot.kb.search;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * A sentence-embedding model read from the class path (the ONNX file and tokenizer a langchain4j
 * model jar ships), with an ONNX Runtime session of our own settings: one thread per inference.
 * On a small shared machine a query spread over all cores waits for the busiest one; the index
 * build runs two single-threaded inferences side by side instead ({@link OnnxEmbedder}).
 */
final class JarOnnxModel extends AbstractInProcessEmbeddingModel {
    private final OnnxBertBiEncoder encoder;
    /** The same vocabulary, to count word pieces ({@link #firstPieces}); the encoder keeps its own private. */
    private final HuggingFaceTokenizer pieces;

    /**
     * @param onnx resource name of the model ({@code e5-small-v2-q.onnx})
     * @param tokenizer resource name of its tokenizer ({@code e5-small-v2-q-tokenizer.json})
     */
    JarOnnxModel(String onnx, String tokenizer, PoolingMode pooling) {
        super(Runnable::run);
        ClassLoader loader = JarOnnxModel.class.getClassLoader();
        URL model = loader.getResource(onnx);
        try (InputStream vocab = loader.getResourceAsStream(tokenizer)) {
            if (model == null || vocab == null) {
                throw new IllegalStateException("the embedding model " + onnx + " is not on the class path");
            }
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            OrtSession session = env.createSession(offHeap(model), options);
            this.encoder = new OnnxBertBiEncoder(env, session, vocab, pooling);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the embedding model " + onnx, e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot load the embedding model " + onnx + ": " + e.getMessage(), e);
        }
        try (InputStream vocab = loader.getResourceAsStream(tokenizer)) {
            this.pieces = HuggingFaceTokenizer.newInstance(vocab, Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException("reading the tokenizer " + tokenizer, e);
        }
    }

    /**
     * The model's bytes outside the Java heap. ONNX Runtime copies them into its own graph, so they
     * are garbage once the session exists; read into a heap array (33 MB, grown by doubling), they
     * left about 80 MB of heap committed that the collector never handed back, a fifth of the
     * service's resident memory. A direct buffer is freed with its last reference.
     */
    private static ByteBuffer offHeap(URL resource) throws IOException {
        URLConnection connection = resource.openConnection();
        long length = connection.getContentLengthLong();
        try (InputStream in = connection.getInputStream()) {
            if (length < 0 || length > Integer.MAX_VALUE) {
                byte[] bytes = in.readAllBytes();
                return ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
            }
            ByteBuffer buffer = ByteBuffer.allocateDirect((int) length);
            byte[] chunk = new byte[1 << 16];
            for (int n; (n = in.read(chunk)) > 0 && buffer.hasRemaining(); ) {
                buffer.put(chunk, 0, Math.min(n, buffer.remaining()));
            }
            if (buffer.hasRemaining()) {
                throw new IOException(resource + " ended after " + buffer.position() + " of " + length + " bytes");
            }
            return buffer.flip();
        }
    }

    /**
     * The start of {@code text} that makes at most {@code max} word pieces (special tokens not
     * counted), cut at a piece's end. The model's cost grows with the pieces it reads, not with the
     * words: {@code vfio-pci.ids=10de:1b80,10de:10f0} is one word and twenty pieces.
     */
    String firstPieces(String text, int max) {
        if (text.length() <= max) {
            return text; // every piece covers at least one character: no need to tokenize it twice
        }
        Encoding encoding = pieces.encode(text, false, false);
        CharSpan[] spans = encoding.getCharTokenSpans();
        if (spans.length <= max) {
            return text;
        }
        CharSpan last = spans[max - 1];
        return last == null ? text : text.substring(0, Math.min(text.length(), last.getEnd()));
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }
}
