package dev.pcibot.kb.search;

import dev.pcibot.ingest.GuideLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.search.IndexSearcher;

/** Prints both rankings and the fusion for questions given as arguments (a debugging aid, not a test). */
public final class SearchDebug {
    private SearchDebug() {}

    public static void main(String[] args) throws Exception {
        GuideLibrary library = GuideLibrary.bundled();
        Path root = Files.createTempDirectory("kb-debug");
        try (KbIndex index = KbIndex.open(root, library.sections(), library.fingerprint())) {
            SectionSearch search = new SectionSearch(Embedder.bundled(), HybridTuning.DEFAULT);
            IndexGeneration gen = index.acquire();
            IndexSearcher searcher = gen.manager().acquire();
            try {
                for (String q : args) {
                    SectionSearch.Candidates c = search.candidates(searcher, gen, q, HybridTuning.DEFAULT.denseWords());
                    System.out.printf("%n== %s (technical share %.2f)%n", q, c.lexical().technicalShare());
                    c.lexical().ranked().stream().limit(6).forEach(h -> System.out.printf("  lex %.3f cov %.2f %s %s%n",
                            h.score(), h.coverage(), h.covers() ? "covers" : "      ", gen.section(h.doc()).id()));
                    c.dense().stream().limit(6).forEach(h -> System.out.printf("  dense %.3f %s%n", h.cosine(), gen.section(h.doc()).id()));
                    SectionSearch.Fused f = SectionSearch.fuse(gen, c, HybridTuning.DEFAULT);
                    f.ranked().stream().limit(6).forEach(r -> System.out.printf("  fused %.4f %s%n", r.score(), gen.section(r.doc()).id()));
                    System.out.println("  " + f.signals() + " -> " + MatchCalibration.level(f.signals(), HybridTuning.DEFAULT));
                }
            } finally {
                gen.manager().release(searcher);
                gen.decRef();
                }
        } finally {
            IndexGeneration.deleteRecursively(root);
        }
    }
}
