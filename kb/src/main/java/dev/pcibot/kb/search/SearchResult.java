package dev.pcibot.kb.search;

import java.util.List;

/**
 * The answer to one query.
 *
 * @param query the query as understood (trimmed, control characters removed)
 * @param answered false when nothing relevant matched: then {@code hits} is empty, and the caller
 *     says "no good answer" rather than show the least-bad hit; true for a strong and for a
 *     closest match (kept for callers that know only answered or not)
 * @param hits best first
 * @param level how well the hits answer: {@link MatchLevel#CLOSEST} hits are shown as "closest
 *     sections", a weaker match
 */
public record SearchResult(String query, boolean answered, List<SearchHit> hits, MatchLevel level) {
    public SearchResult {
        hits = List.copyOf(hits);
        if (answered != level.answered()) {
            throw new IllegalArgumentException("answered=" + answered + " contradicts level " + level);
        }
    }

    /** A result that is either a strong answer or none (tests and callers without a level). */
    public SearchResult(String query, boolean answered, List<SearchHit> hits) {
        this(query, answered, hits, answered ? MatchLevel.STRONG : MatchLevel.NONE);
    }

    /** No good answer. */
    static SearchResult none(String query) {
        return new SearchResult(query, false, List.of(), MatchLevel.NONE);
    }
}
