package dev.pcibot.bot;

import dev.pcibot.kb.diagnose.CitationResolver;
import dev.pcibot.kb.search.Citation;
import dev.pcibot.kb.search.InvalidQueryException;
import dev.pcibot.kb.search.KbSearcher;
import dev.pcibot.kb.search.SearchResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cites guide sections for findings by searching the knowledge base: the top hit of each cite
 * query, skipping queries the guides do not answer (better no citation than a wrong one), without
 * citing one section, or one link, twice. Answers are cached per query list: every diagnosis cites from the same
 * few dozen finding texts, and a search per citation would cost more than the diagnosis itself.
 * The cache is cleared when the index is rebuilt.
 */
final class SearchCitations implements CitationResolver {
    private final KbSearcher searcher;
    private final Map<List<String>, List<Citation>> cache = new ConcurrentHashMap<>();

    SearchCitations(KbSearcher searcher) {
        this.searcher = searcher;
    }

    @Override
    public List<Citation> resolve(List<String> citeQueries) {
        return cache.computeIfAbsent(List.copyOf(citeQueries), this::search);
    }

    /** Forgets cached citations (after the index changed). */
    void clear() {
        cache.clear();
    }

    private List<Citation> search(List<String> citeQueries) {
        List<Citation> out = new ArrayList<>();
        for (String query : citeQueries) {
            SearchResult result;
            try {
                result = searcher.search(query, 1);
            } catch (InvalidQueryException e) {
                continue; // a cite line in content that the search refuses: no citation rather than a failure
            }
            if (result.answered() && !result.hits().isEmpty()) {
                Citation top = result.hits().get(0).citation();
                // Sections without an anchor of their own share their parent's link: one link, once.
                if (out.stream().noneMatch(c -> c.sectionId().equals(top.sectionId()) || c.url().equals(top.url()))) {
                    out.add(top);
                }
            }
        }
        return List.copyOf(out);
    }
}
