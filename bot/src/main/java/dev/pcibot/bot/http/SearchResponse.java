package dev.pcibot.bot.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.pcibot.kb.diagnose.Finding;
import dev.pcibot.kb.search.SearchResult;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The reply of {@code GET /api/search}.
 *
 * @param query the query as the knowledge base understood it
 * @param answered false when nothing in the guides answers it well (then {@code hits} is empty)
 * @param hits best first
 * @param finding when the question quotes a message the diagnosis knows (e.g. "BAR 3: can't
 *     reserve"), that finding with its fix and citation; null otherwise
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SearchResponse(String query, boolean answered, List<HitView> hits, @Nullable Finding finding) {
    public SearchResponse {
        hits = List.copyOf(hits);
    }

    /** The API's view of a search result, with the finding the question quotes, if any. */
    public static SearchResponse of(SearchResult result, @Nullable Finding finding) {
        return new SearchResponse(result.query(), result.answered(), result.hits().stream().map(HitView::of).toList(),
                finding);
    }
}
