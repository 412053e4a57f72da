package dev.pcibot.bot.http;

import dev.pcibot.bot.KnowledgeBase;
import dev.pcibot.kb.search.KbIndex;
import dev.pcibot.kb.search.KbIndexException;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/**
 * {@code GET /api/health}: the service is up, and what its index holds; 503 with status
 * {@code DOWN} while the knowledge base cannot be opened, so a load balancer or monitor sees it.
 */
@Controller("/api/health")
final class HealthController {
    private final KnowledgeBase kb;

    HealthController(KnowledgeBase kb) {
        this.kb = kb;
    }

    @Get
    HttpResponse<HealthResponse> health() {
        String userGuides = kb.userGuides() == null ? null : kb.userGuides().toString();
        if (!kb.available()) {
            KbIndexException failure = kb.failure();
            String why = failure == null ? "the index is not open" : failure.reason();
            return HttpResponse.<HealthResponse>status(HttpStatus.SERVICE_UNAVAILABLE).body(new HealthResponse(
                    "DOWN", "DOWN", KnowledgeBaseErrors.unavailable(why), 0, kb.guides().size(), "unavailable", 0,
                    userGuides));
        }
        KbIndex.Stats stats = kb.stats();
        return HttpResponse.ok(new HealthResponse("UP", "UP", null, stats.sections(), kb.guides().size(),
                stats.built() ? "built" : "reused", stats.buildMillis(), userGuides));
    }
}
