package dev.pcibot.kb.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.search.IndexSearcher;
import org.jspecify.annotations.Nullable;

/**
 * Searches the knowledge base. Thread-safe; get it from {@link KbIndex#searcher()}. Each call
 * acquires the current index generation and its Lucene searcher and releases both when done, so
 * a rebuild never pulls an index out from under a running search.
 */
public final class KbSearcher {
    /** Most hits one search returns. */
    public static final int MAX_LIMIT = 50;
    /** Discord allows 25 autocomplete choices of at most 100 characters. */
    public static final int MAX_SUGGESTIONS = 25;
    static final int MAX_SUGGESTION_LENGTH = 100;

    private final KbIndex index;
    private final SectionSearch search;

    KbSearcher(KbIndex index, SectionSearch search) {
        this.index = index;
        this.search = search;
    }

    /**
     * Answers a question with guide sections, best first.
     *
     * @param query the question as typed; query syntax characters are plain text
     * @param limit most hits wanted (clamped to 1..{@value #MAX_LIMIT})
     * @return the hits, or {@code answered=false} and no hits when nothing in the guides answers it
     * @throws InvalidQueryException when the query is empty, longer than {@value QueryText#MAX_LENGTH}
     *     characters, or has no letters or digits (the message says which, fit for the user)
     */
    public SearchResult search(@Nullable String query, int limit) {
        QueryText text = QueryText.of(query);
        int n = Math.max(1, Math.min(MAX_LIMIT, limit));
        IndexGeneration gen = index.acquire();
        try {
            IndexSearcher searcher = gen.manager().acquire();
            try {
                return search.search(searcher, gen, text, n);
            } finally {
                gen.manager().release(searcher);
            }
        } catch (IOException e) {
            throw new KbIndexException("search failed on the index in " + gen.folder() + ": " + e.getMessage(), e);
        } finally {
            gen.decRef();
        }
    }

    /**
     * Section titles for autocomplete: titles starting with what is typed first, then titles with a
     * word starting with it, then titles containing it; official guides first within each; one entry
     * per distinct title.
     *
     * @param prefix what the user has typed so far (may be empty)
     * @param max most titles wanted (clamped to 0..{@value #MAX_SUGGESTIONS})
     */
    public List<String> suggestTitles(@Nullable String prefix, int max) {
        int n = Math.max(0, Math.min(MAX_SUGGESTIONS, max));
        String typed = prefix == null ? "" : Headings.normalize(prefix);
        List<String> typedWords = typed.isEmpty() ? List.of() : List.of(typed.split(" "));
        record Candidate(String title, int rank, int authority, int doc) {}
        List<Candidate> candidates = new ArrayList<>();
        IndexGeneration gen = index.acquire();
        try {
            for (int doc = 0; doc < gen.size(); doc++) {
                StoredSection s = gen.section(doc);
                String title = s.title().strip();
                String norm = Headings.normalize(title);
                if (norm.isEmpty()) {
                    continue;
                }
                int rank = rank(norm, typed, typedWords);
                if (rank >= 0) {
                    candidates.add(new Candidate(title, rank, s.authority().ordinal(), doc));
                }
            }
        } finally {
            gen.decRef();
        }
        candidates.sort(Comparator.comparingInt(Candidate::rank)
                .thenComparingInt(Candidate::authority)
                .thenComparingInt(Candidate::doc));
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Candidate c : candidates) {
            if (out.size() >= n) {
                break;
            }
            if (seen.add(Headings.normalize(c.title()))) {
                out.add(c.title().length() <= MAX_SUGGESTION_LENGTH ? c.title()
                        : c.title().substring(0, MAX_SUGGESTION_LENGTH - 1) + "…");
            }
        }
        return out;
    }

    /** 0 = starts with the typed text, 1 = every typed word starts a title word, 2 = contains it, -1 = no match. */
    private static int rank(String title, String typed, List<String> typedWords) {
        if (typed.isEmpty() || title.startsWith(typed)) {
            return 0;
        }
        List<String> words = List.of(title.split(" "));
        if (typedWords.stream().allMatch(t -> words.stream().anyMatch(w -> w.startsWith(t)))) {
            return 1;
        }
        return title.contains(typed) ? 2 : -1;
    }

    /** One section by its id (as cited in hits), shown as a hit without highlights. */
    public Optional<SearchHit> section(@Nullable String sectionId) {
        if (sectionId == null || sectionId.isBlank()) {
            return Optional.empty();
        }
        IndexGeneration gen = index.acquire();
        try {
            return search.section(gen, sectionId.strip());
        } finally {
            gen.decRef();
        }
    }
}
