package dev.pcibot.kb.search;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.e5smallv2q.E5SmallV2QuantizedEmbeddingModel;
import java.util.List;

/** The embedding models the search-quality bench compares (all but the bundled one are test dependencies). */
final class BenchModels {
    private BenchModels() {}

    static final List<String> NAMES = List.of("minilm-q", "minilm", "e5-small-q", "minilm-q-l4j", "e5-small-q-l4j");

    static Embedder named(String name) {
        return switch (name) {
            case "minilm-q" -> OnnxEmbedder.minilm();
            case "e5-small-q" -> OnnxEmbedder.e5Small();
            // the same models through langchain4j's own loader (ONNX Runtime on all cores per query)
            case "minilm-q-l4j" -> new OnnxEmbedder("all-minilm-l6-v2-q/l4j", 384, AllMiniLmL6V2QuantizedEmbeddingModel::new, "", "");
            case "minilm" -> new OnnxEmbedder("all-minilm-l6-v2/1.19.0-beta29", 384, AllMiniLmL6V2EmbeddingModel::new, "", "");
            // e5 is trained with these markers on each side
            case "e5-small-q-l4j" -> new OnnxEmbedder("e5-small-v2-q/1.11.0-beta19", 384, E5SmallV2QuantizedEmbeddingModel::new,
                    "query: ", "passage: ");
            default -> throw new IllegalArgumentException("unknown model " + name + ", one of " + NAMES);
        };
    }
}
