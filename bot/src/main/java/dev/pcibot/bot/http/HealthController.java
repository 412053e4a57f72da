package dev.pcibot.bot.http;

import dev.pcibot.bot.KnowledgeBase;
import dev.pcibot.kb.search.KbIndex;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/** {@code GET /api/health}: the service is up, and what its index holds. */
@Controller("/api/health")
final class HealthController {
    private final KnowledgeBase kb;

    HealthController(KnowledgeBase kb) {
        this.kb = kb;
    }

    @Get
    HealthResponse health() {
        KbIndex.Stats stats = kb.stats();
        return new HealthResponse("UP", stats.sections(), kb.guides().size(), stats.built() ? "built" : "reused",
                stats.buildMillis(), kb.userGuides() == null ? null : kb.userGuides().toString());
    }
}
