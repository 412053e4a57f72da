package dev.pcibot.bot.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pcibot.bot.http.HealthCheck;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A data folder nothing can live in (a plain file, for the index and the embedded database, as in
 * UnusableDataDirTest): the process is live, but not ready, and readiness says why for both the
 * index and the database, naming the setting and no path.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadinessWithUnusableDataDirTest implements TestPropertyProvider {
    private final Path notAFolder;

    @Inject
    @Client("/")
    HttpClient client;

    ReadinessWithUnusableDataDirTest() {
        try {
            notAFolder = Files.createTempFile("pcibot-data", ".txt");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "kb.data-dir", notAFolder.toString(),
                "kb.retry-interval", "1h",
                "datasources.default.url", "jdbc:h2:file:" + notAFolder + "/db/pcibot;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
    }

    @AfterAll
    void delete() throws IOException {
        Files.deleteIfExists(notAFolder);
    }

    @Test
    void liveButNotReadyWithTheReasons() {
        assertEquals(HealthCheck.UP, client.toBlocking().retrieve("/api/health/live", HealthCheck.class));

        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(HttpRequest.GET("/api/health/ready"), Argument.of(HealthCheck.class), Argument.of(HealthCheck.class)));

        assertEquals(503, e.getStatus().getCode());
        HealthCheck ready = e.getResponse().getBody(HealthCheck.class).orElseThrow();
        assertEquals("DOWN", ready.status());
        assertEquals(2, ready.problems().size(), ready.problems().toString());
        assertTrue(ready.problems().get(0).startsWith("The knowledge base is not available: a file stands where the index"
                + " folder should be."), ready.problems().get(0));
        assertTrue(ready.problems().get(1).startsWith("The database is not reachable"), ready.problems().get(1));
        assertTrue(ready.error() != null && ready.error().contains("kb.data-dir"), String.valueOf(ready.error()));
        assertFalse(ready.error().contains(notAFolder.toString()), "no path: " + ready.error());
    }
}
