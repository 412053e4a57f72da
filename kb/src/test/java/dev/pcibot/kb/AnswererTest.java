package dev.pcibot.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pcibot.ingest.GuideLibrary;
import dev.pcibot.kb.diagnose.CitationResolver;
import dev.pcibot.kb.diagnose.Diagnoser;
import dev.pcibot.kb.diagnose.Finding;
import dev.pcibot.kb.search.Citation;
import dev.pcibot.kb.search.InvalidQueryException;
import dev.pcibot.kb.search.KbIndex;
import dev.pcibot.kb.search.KbSearcher;
import dev.pcibot.kb.search.SearchResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Answerer} over the real bundled guides and a real index. */
final class AnswererTest {
    @TempDir
    static Path dir;

    private static KbIndex index;
    private static Answerer answerer;

    @BeforeAll
    static void openIndex() {
        GuideLibrary library = GuideLibrary.bundled();
        index = KbIndex.open(dir.resolve("index"), library.sections(), library.fingerprint());
        KbSearcher searcher = index.searcher();
        // the application's wiring: the top hit of each cite query, unanswered queries skipped
        CitationResolver resolver = queries -> {
            List<Citation> cited = new ArrayList<>();
            for (String q : queries) {
                SearchResult r = searcher.search(q, 1);
                if (r.answered()) {
                    cited.add(r.hits().get(0).citation());
                }
            }
            return cited;
        };
        answerer = new Answerer(searcher, new Diagnoser(resolver));
    }

    @AfterAll
    static void close() throws Exception {
        index.close();
    }

    @Test
    void aQuotedQemuMessageComesFirstWithItsCitedSection() {
        AnswerResult a = answerer.answer("why does it say group 13 is not viable", 5);
        Finding first = a.findings().get(0);
        assertEquals("group-not-viable", first.id());
        assertFalse(first.citations().isEmpty(), "the finding cites the guide section that explains it");
        assertEquals(List.of("why does it say group 13 is not viable"), first.evidence());
        assertTrue(a.answered());
    }

    @Test
    void aQuotedKernelMessageWithCurlyQuotesIsKnown() {
        AnswerResult a = answerer.answer("BAR 3: can\u2019t reserve [mem 0xc0000000-0xcfffffff 64bit pref] what now?", 5);
        assertEquals("bar-reserve-conflict-efifb", a.findings().get(0).id());
    }

    @Test
    void aPlainQuestionGetsTheSearchOnly() {
        AnswerResult a = answerer.answer("how do I enable IOMMU on an Intel CPU", 5);
        assertTrue(a.findings().isEmpty());
        assertTrue(a.search().answered());
        assertFalse(a.search().hits().isEmpty());
    }

    @Test
    void benignMessagesAreNotExplainedAsProblems() {
        AnswerResult a = answerer.answer("is 'vfio-pci 0000:01:00.0: ready 1023ms after FLR' bad?", 5);
        assertTrue(a.findings().isEmpty(), a.findings().toString());
    }

    @Test
    void anEmptyQuestionIsRejectedWithTheSearchersMessage() {
        assertThrows(InvalidQueryException.class, () -> answerer.answer("   ", 5));
    }
}
