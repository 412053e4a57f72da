package dev.pcibot.kb.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.pcibot.ingest.GuideLibrary;
import dev.pcibot.kb.search.InvalidQueryException;
import dev.pcibot.kb.search.KbIndex;
import dev.pcibot.kb.search.KbSearcher;
import dev.pcibot.kb.search.SearchHit;
import dev.pcibot.kb.search.SearchResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * The search query path over a real index of the bundled guides: query cleaning and refusal
 * (QueryText), concepts, corrections, the lexical and dense rankings, snippets, and the two other
 * doors that take typed text (title autocomplete, a section by id). The first byte picks the door
 * and the hit limit, the rest is what was typed. Contract: hits or {@link InvalidQueryException}
 * with a readable message; at most the limit asked for, each with a title and a snippet of bounded
 * size; an answered result has hits.
 *
 * <p>NOTE: the index is built once per fingerprint of the guides into the temp folder and reused
 * by later runs (building it embeds every section, about a minute on this machine); KbIndex
 * rebuilds it when the guides change.
 */
final class SearchFuzzTest {
    private static final KbSearcher SEARCHER = Index.SEARCHER;

    /** Built on first use, so that a run that only fuzzes other targets never pays for it. */
    private static final class Index {
        static final KbSearcher SEARCHER;

        static {
            GuideLibrary library = GuideLibrary.bundled();
            Path root = Path.of(System.getProperty("java.io.tmpdir"), "pcibot-fuzz-index");
            @SuppressWarnings("resource") // lives as long as the test JVM; KbIndex holds no lock across JVMs
            KbIndex index = KbIndex.open(root, library.sections(), library.fingerprint());
            SEARCHER = index.searcher();
        }
    }

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void query(byte[] data) {
        if (data.length == 0) {
            return;
        }
        int door = (data[0] & 0xFF) % 4;
        int limit = ((data[0] & 0xFF) >> 2) - 4; // -4..59: out-of-range limits are clamped
        String typed = new String(Arrays.copyOfRange(data, 1, data.length), StandardCharsets.UTF_8);
        switch (door) {
            case 0, 1 -> search(typed, limit);
            case 2 -> {
                List<String> titles = SEARCHER.suggestTitles(typed, limit);
                assertTrue(titles.size() <= Math.max(0, Math.min(KbSearcher.MAX_SUGGESTIONS, limit)), titles.toString());
                titles.forEach(t -> assertTrue(t.length() <= 200, t));
            }
            default -> SEARCHER.section(typed).ifPresent(hit -> assertFalse(hit.citation().toString().isBlank()));
        }
    }

    private static void search(String typed, int limit) {
        try {
            SearchResult result = SEARCHER.search(typed, limit);
            assertTrue(result.hits().size() <= Math.max(1, Math.min(KbSearcher.MAX_LIMIT, limit)),
                    result.hits().size() + " hits for a limit of " + limit);
            assertTrue(!result.answered() || !result.hits().isEmpty(), "answered without hits");
            for (SearchHit hit : result.hits()) {
                assertTrue(hit.snippet().length() <= 4_000, "snippet of " + hit.snippet().length());
            }
        } catch (InvalidQueryException refused) {
            assertFalse(refused.getMessage().isBlank());
            assertTrue(refused.getMessage().length() < 2_000 + 200, "the refusal quotes at most the query");
        }
    }
}
