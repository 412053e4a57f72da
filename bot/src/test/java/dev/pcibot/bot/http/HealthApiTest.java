package dev.pcibot.bot.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pcibot.bot.KnowledgeBase;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** {@code GET /api/health} reports the index the service actually opened. */
@MicronautTest
class HealthApiTest {
    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    KnowledgeBase kb;

    @Test
    void reportsUpAndWhatTheIndexHolds() {
        HealthResponse health = client.toBlocking().retrieve("/api/health", HealthResponse.class);
        assertEquals("UP", health.status());
        assertEquals(kb.stats().sections(), health.sections());
        assertTrue(health.sections() > 50, "the five bundled guides make well over 50 sections: " + health.sections());
        assertEquals(5, health.guides());
        assertEquals("built", health.index(), "a fresh test data folder has no index yet");
        assertTrue(health.buildMillis() > 0);
        assertNull(health.userGuides());
    }
}
