package dev.pcibot.bot.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.pcibot.kb.AnswerResult;
import dev.pcibot.kb.diagnose.Finding;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Locale;

/**
 * The reply of {@code GET /api/search}.
 *
 * @param query the query as the knowledge base understood it
 * @param answered false when there is nothing to show: no finding, and nothing in the guides
 *     answers well (then {@code hits} is empty and the client says "no good answer")
 * @param hits best first
 * @param findings when the question quotes messages the diagnosis knows (e.g. "BAR 3: can't
 *     reserve"), what they mean with fix and citation, worst first; shown above the hits
 * @param match how well the hits answer: {@code strong}, {@code closest} (a weaker match: show
 *     them as "closest sections") or {@code none} (no hits); {@code answered} is true for the
 *     first two, or when a finding explains the question
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SearchResponse(String query, boolean answered, List<HitView> hits, List<Finding> findings, String match) {
    public SearchResponse {
        hits = List.copyOf(hits);
        findings = List.copyOf(findings);
    }

    /** The API's view of an answer. */
    public static SearchResponse of(AnswerResult answer) {
        return new SearchResponse(answer.search().query(), answer.answered(),
                answer.search().hits().stream().map(HitView::of).toList(), answer.findings(),
                answer.search().level().name().toLowerCase(Locale.ROOT));
    }
}
