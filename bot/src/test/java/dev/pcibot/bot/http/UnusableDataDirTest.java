package dev.pcibot.bot.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

/**
 * A data folder nothing can live in (here: a plain file, for the index and for the embedded
 * database, as in production) leaves the service up: the API answers 503 naming the setting to fix
 * (no path, no stack trace), health says DOWN, the web page still loads, and requests add nothing to
 * the log (the failure is logged once per retry interval, here one hour).
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnusableDataDirTest implements TestPropertyProvider {
    private final Path notAFolder;

    @Inject
    @Client("/")
    HttpClient client;

    UnusableDataDirTest() {
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
                // the production database: embedded H2 in a file under the data folder
                "datasources.default.url", "jdbc:h2:file:" + notAFolder + "/db/pcibot;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
    }

    @AfterAll
    void delete() throws IOException {
        Files.deleteIfExists(notAFolder);
    }

    private ApiError unavailable(HttpRequest<?> request) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(request, Argument.of(String.class), Argument.of(ApiError.class)));
        assertEquals(HttpStatus.SERVICE_UNAVAILABLE, e.getStatus());
        ApiError body = e.getResponse().getBody(ApiError.class).orElseThrow();
        assertEquals(503, body.status());
        assertTrue(body.error().startsWith("The knowledge base is not available: a file stands where the index folder"
                + " should be."), body.error());
        assertTrue(body.error().contains("kb.data-dir"), body.error());
        assertFalse(body.error().contains(notAFolder.toString()) || body.error().contains(System.getProperty("java.io.tmpdir")),
                "no absolute path: " + body.error());
        return body;
    }

    @Test
    void searchAndDiagnoseAnswer503NamingTheSettingWithoutAPath() {
        unavailable(HttpRequest.GET("/api/search?q=iommu"));
        unavailable(HttpRequest.POST("/api/diagnose", "[    0.0] DMAR: IOMMU enabled").contentType(MediaType.TEXT_PLAIN_TYPE));
    }

    @Test
    void healthSaysTheKnowledgeBaseIsDown() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.GET("/api/health"), Argument.of(HealthResponse.class),
                        Argument.of(HealthResponse.class)));
        assertEquals(HttpStatus.SERVICE_UNAVAILABLE, e.getStatus());
        HealthResponse health = e.getResponse().getBody(HealthResponse.class).orElseThrow();
        assertEquals("DOWN", health.status());
        assertEquals("DOWN", health.knowledgeBase());
        assertTrue(health.error() != null && health.error().contains("kb.data-dir"), String.valueOf(health.error()));
    }

    @Test
    void requestsAddNothingToTheLogWhileTheFolderStaysUnusable() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        root.addAppender(log);
        try {
            for (int i = 0; i < 10; i++) {
                unavailable(HttpRequest.GET("/api/search?q=iommu+groups+" + i));
            }
        } finally {
            root.detachAppender(log);
        }
        List<String> lines = log.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .map(ILoggingEvent::getFormattedMessage).toList();
        assertEquals(List.of(), lines, "one line per retry interval, not per request");
    }

    @Test
    void webPageStillLoads() {
        assertTrue(client.toBlocking().retrieve("/").contains("search-form"));
    }
}
