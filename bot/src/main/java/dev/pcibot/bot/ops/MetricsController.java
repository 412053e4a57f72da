package dev.pcibot.bot.ops;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.swagger.v3.oas.annotations.Operation;

/**
 * {@code GET /metrics}: every meter in Prometheus' text format, for a scraper. Our own controller
 * rather than Micronaut's management endpoint: those are all off ({@code endpoints.all.enabled}),
 * they answered 401 with empty bodies, and theirs would sit at {@code /prometheus}.
 */
@Controller("/metrics")
final class MetricsController {
    /** The content type Prometheus expects of the text format. */
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    MetricsController(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Get
    @Produces(PROMETHEUS_TEXT)
    @Operation(summary = "Metrics in Prometheus text format", description = "HTTP requests and latencies by route and"
            + " status, diagnoses by finding id, searches by match level, Discord interactions, probe decisions, JVM and"
            + " process meters.")
    String scrape() {
        return registry.scrape();
    }
}
