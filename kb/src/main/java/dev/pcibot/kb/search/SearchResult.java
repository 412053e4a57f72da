package dev.pcibot.kb.search;

import java.util.List;

/**
 * The answer to one query.
 *
 * @param query the query as understood (trimmed, control characters removed)
 * @param answered false when nothing relevant matched: then {@code hits} is empty, and the caller
 *     says "no good answer" rather than show the least-bad hit
 * @param hits best first
 */
public record SearchResult(String query, boolean answered, List<SearchHit> hits) {
    public SearchResult {
        hits = List.copyOf(hits);
    }
}
