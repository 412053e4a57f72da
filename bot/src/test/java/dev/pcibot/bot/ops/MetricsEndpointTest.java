package dev.pcibot.bot.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.pcibot.bot.discord.InteractionRouter;
import dev.pcibot.bot.discord.gate.EntryPoint;
import dev.pcibot.bot.probe.ProbeAsk;
import dev.pcibot.bot.probe.ProbeDecision;
import dev.pcibot.bot.probe.ProbeRunner;
import dev.pcibot.bot.probe.RemoteProbes;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /metrics} shows, in Prometheus text, what the doors did: HTTP requests by route
 * template and status, searches by match level, diagnoses by finding id, Discord interactions by
 * kind and outcome, probe decisions by rule; and the JVM/process meters. Each test reads the
 * counters before and after, so the order of the tests does not matter.
 */
@MicronautTest
@Property(name = "discord.allowed-guilds", value = "100")
class MetricsEndpointTest {
    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    InteractionRouter router;

    @Inject
    ProbeRunner probes;

    private PrometheusText scrape() {
        HttpResponse<String> response = client.toBlocking().exchange("/metrics", String.class);
        assertEquals(200, response.code());
        assertTrue(response.getContentType().orElseThrow().toString().startsWith("text/plain"),
                response.getContentType().toString());
        return new PrometheusText(response.body());
    }

    private static String sample(String name) throws IOException {
        try (InputStream in = MetricsEndpointTest.class.getResourceAsStream("/http/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void countsRequestsByRouteTemplateAndStatus() {
        Map<String, String> ok = Map.of("uri", "/api/conversations/{id}", "status", "200");
        double before = scrape().sum("http_server_requests_seconds_count", ok);

        for (int i = 0; i < 3; i++) {
            String id = client.toBlocking().retrieve(HttpRequest.POST("/api/conversations", Map.of("symptom", "setup")),
                    Map.class).get("id").toString();
            client.toBlocking().retrieve("/api/conversations/" + id);
        }

        PrometheusText after = scrape();
        assertEquals(before + 3, after.sum("http_server_requests_seconds_count", ok), "one series for the template, not per id");
        assertTrue(after.sum("http_server_requests_seconds_sum", ok) > 0, "latencies are recorded");
        assertTrue(after.sum("http_server_requests_seconds_count", Map.of("uri", "/api/conversations", "status", "201")) >= 3);
    }

    @Test
    void countsSearchesByMatchLevel() {
        PrometheusText before = scrape();
        client.toBlocking().retrieve("/api/search?q=" + "how+do+I+enable+IOMMU+intel_iommu%3Don");
        client.toBlocking().retrieve("/api/search?q=zzqx+wubble+frobnicate");

        PrometheusText after = scrape();
        double answered = after.sum("pcibot_searches_total", Map.of("door", "http", "answered", "true"))
                - before.sum("pcibot_searches_total", Map.of("door", "http", "answered", "true"));
        double abstained = after.sum("pcibot_searches_total", Map.of("door", "http", "match", "none"))
                - before.sum("pcibot_searches_total", Map.of("door", "http", "match", "none"));
        assertEquals(1, answered, "the IOMMU question is answered");
        assertEquals(1, abstained, "the nonsense abstains");
    }

    @Test
    void countsDiagnosesAndTheirFindingsById() throws IOException {
        Map<String, String> bar = Map.of("door", "http", "finding", "bar-reserve-conflict-efifb");
        PrometheusText before = scrape();

        client.toBlocking().exchange(HttpRequest.POST("/api/diagnose", sample("bar-reserve.txt"))
                .contentType(MediaType.TEXT_PLAIN), String.class);

        PrometheusText after = scrape();
        assertEquals(before.sum("pcibot_diagnoses_total", Map.of("door", "http")) + 1,
                after.sum("pcibot_diagnoses_total", Map.of("door", "http")));
        assertEquals(before.sum("pcibot_findings_total", bar) + 1, after.sum("pcibot_findings_total", bar));
    }

    @Test
    void countsDiscordInteractionsByKindAndOutcome() {
        PrometheusText before = scrape();

        router.onSlashCommandInteraction(slash(999L, false)); // not an allowed server: the gate refuses
        router.onSlashCommandInteraction(slash(100L, false)); // admitted (an unknown command, told so)
        router.onSlashCommandInteraction(slash(100L, true)); // admitted, and the reply throws

        PrometheusText after = scrape();
        for (var expected : Map.of("refused", 1.0, "admitted", 2.0, "failed", 1.0).entrySet()) {
            Map<String, String> labels = Map.of("kind", "slash", "outcome", expected.getKey());
            assertEquals(expected.getValue(), after.sum("pcibot_discord_interactions_total", labels)
                    - before.sum("pcibot_discord_interactions_total", labels), expected.getKey());
        }
    }

    private static SlashCommandInteractionEvent slash(long guild, boolean replyThrows) {
        SlashCommandInteractionEvent event = mock(SlashCommandInteractionEvent.class, RETURNS_DEEP_STUBS);
        when(event.getGuild().getIdLong()).thenReturn(guild);
        when(event.getChannelIdLong()).thenReturn(5L);
        when(event.getUser().getIdLong()).thenReturn(guild + 7);
        when(event.getName()).thenReturn("no-such-command");
        if (replyThrows) {
            when(event.reply(any(MessageCreateData.class))).thenThrow(new IllegalStateException("Discord said no"));
            when(event.isAcknowledged()).thenReturn(true); // so the apology goes to the hook, not reply() again
        }
        return event;
    }

    @Test
    void countsProbeDecisionsByRule() {
        ProbeAsk ask = new ProbeAsk(EntryPoint.SLASH, 100L, 5L, 7L, "someone#0001", List.of(), "pve1",
                RemoteProbes.all().get(0), null, UUID.randomUUID());
        PrometheusText before = scrape();

        ProbeDecision decision = probes.admit(ask);

        assertFalse(decision.allowed(), "no node is configured in tests");
        Map<String, String> labels = Map.of("decision", "deny", "rule", decision.rule());
        assertEquals(before.sum("pcibot_probe_decisions_total", labels) + 1,
                scrape().sum("pcibot_probe_decisions_total", labels));
    }

    @Test
    void jvmAndProcessMetersComeAlong() {
        PrometheusText metrics = scrape();
        for (String name : List.of("jvm_memory_used_bytes", "jvm_threads_live_threads", "jvm_gc_pause_seconds_count",
                "process_cpu_usage", "process_uptime_seconds", "system_cpu_count", "pcibot_http_in_flight_requests")) {
            assertTrue(metrics.has(name), name + " missing from /metrics");
        }
    }
}
