package dev.pcibot.bot.http;

import dev.pcibot.bot.KnowledgeBase;
import dev.pcibot.kb.search.KbIndex;
import dev.pcibot.kb.search.KbIndexException;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;

/**
 * {@code GET /api/health}: the service is up, and what its index holds; 503 with status
 * {@code DOWN} while the knowledge base cannot be opened, so a load balancer or monitor sees it.
 * For an orchestrator, {@code /api/health/live} (the process answers: restart it when not) and
 * {@code /api/health/ready} (index searchable and database reachable: send it traffic).
 */
@Controller("/api/health")
final class HealthController {
    private final KnowledgeBase kb;
    private final Readiness readiness;

    HealthController(KnowledgeBase kb, Readiness readiness) {
        this.kb = kb;
        this.readiness = readiness;
    }

    /** Liveness: answered from the event loop with nothing checked, so only a stuck process fails it. */
    @Get("/live")
    HealthCheck live() {
        return HealthCheck.UP;
    }

    /** Readiness: 200 {@code UP}, or 503 {@code DOWN} with each problem in words. */
    @Get("/ready")
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<HealthCheck> ready() {
        List<String> problems = readiness.problems();
        return problems.isEmpty() ? HttpResponse.ok(HealthCheck.UP)
                : HttpResponse.<HealthCheck>status(HttpStatus.SERVICE_UNAVAILABLE).body(HealthCheck.down(problems));
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
