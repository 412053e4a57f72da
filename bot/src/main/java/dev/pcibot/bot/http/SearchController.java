package dev.pcibot.bot.http;

import dev.pcibot.bot.KbConfig;
import dev.pcibot.bot.ops.ErrorResponses;
import dev.pcibot.bot.ops.ServiceMetrics;
import dev.pcibot.kb.Answerer;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.inject.Inject;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/search?q=...&limit=N}: answers from the guides. Runs off the event loop: a search
 * is usually a few milliseconds, but the message table also runs on the question, and on the event
 * loop eight slow questions once made {@code /api/health} wait 26 s. The question's raw length is
 * checked first (see the kb's QueryText), and {@link RateLimitFilter} bounds each client.
 */
@Controller("/api")
@ErrorResponses
final class SearchController {
    static final int DEFAULT_LIMIT = 5;
    private final Answerer answerer;
    private final int maxHits;
    @Inject ServiceMetrics metrics;

    SearchController(Answerer answerer, KbConfig config) {
        this.answerer = answerer;
        this.maxHits = config.maxHits();
    }

    /**
     * @param q the question; missing or blank is refused with the knowledge base's message
     * @param limit how many hits at most (default 5), clamped to 1..{@code kb.max-hits}
     */
    @Get("/search")
    @ExecuteOn(CpuWork.EXECUTOR)
    SearchResponse search(@QueryValue @Nullable String q, @QueryValue @Nullable Integer limit) {
        int n = limit == null ? Math.min(DEFAULT_LIMIT, maxHits) : Math.max(1, Math.min(limit, maxHits));
        return SearchResponse.of(metrics.search("http", answerer.answer(q == null ? "" : q, n)));
    }
}
