package dev.pcibot.bot.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
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
 * A data folder the index cannot live in (here: a plain file) leaves the server up, answering 503
 * with the reason instead of a stack trace, and the web page still loads.
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
        return Map.of("kb.data-dir", notAFolder.toString());
    }

    @AfterAll
    void delete() throws IOException {
        Files.deleteIfExists(notAFolder);
    }

    @Test
    void searchAnswers503WithTheReason() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.GET("/api/search?q=iommu"), Argument.of(String.class),
                        Argument.of(ApiError.class)));
        assertEquals(HttpStatus.SERVICE_UNAVAILABLE, e.getStatus());
        ApiError body = e.getResponse().getBody(ApiError.class).orElseThrow();
        assertEquals(503, body.status());
        assertTrue(body.error().startsWith("The knowledge base is not available: cannot open or build the search index in "
                + notAFolder.resolve("index")), body.error());
        assertTrue(body.error().contains("kb.data-dir"), body.error());
    }

    @Test
    void webPageStillLoads() {
        assertTrue(client.toBlocking().retrieve("/").contains("search-form"));
    }
}
