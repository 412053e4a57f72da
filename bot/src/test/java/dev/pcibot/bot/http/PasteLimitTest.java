package dev.pcibot.bot.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The paste limit is the one stated: {@code pcibot.max-paste-bytes} (16 MiB by default), set once
 * and applied to the whole HTTP path, so a 12 MiB paste is read (Micronaut's own 10 MiB buffer used
 * to refuse it) and a larger one gets a 413 naming the paste, the limit and what to do.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PasteLimitTest {
    /** A real kernel line (SOURCES.md: iommu-param-set-vtd-off.txt), repeated to the size wanted. */
    private static final String LINE = "[    0.000000] DMAR: IOMMU enabled\n";
    private static final long MIB = 1024 * 1024;

    private EmbeddedServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() {
        server = ApplicationContext.run(EmbeddedServer.class, Environment.TEST);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private static String paste(long bytes) {
        return LINE.repeat((int) (bytes / LINE.length()));
    }

    private static HttpResponse<String> post(EmbeddedServer to, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(to.getURL() + "/api/diagnose"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aTwelveMebibytePasteIsDiagnosed() throws Exception {
        HttpResponse<String> response = post(server, paste(12 * MIB));
        assertEquals(200, response.statusCode(), response.body().substring(0, Math.min(300, response.body().length())));
        assertTrue(response.body().contains("\"findings\""));
    }

    @Test
    void aPasteOverTheLimitIs413SayingWhatWasTooBigTheLimitAndWhatToDo() throws Exception {
        HttpResponse<String> response = post(server, paste(17 * MIB));
        assertEquals(413, response.statusCode());
        ApiError error = server.getApplicationContext().getBean(JsonMapper.class).readValue(response.body(), ApiError.class);
        assertEquals(413, error.status());
        assertTrue(error.error().startsWith("The paste is larger than 16 MiB, the limit of this service"), error.error());
        assertTrue(error.error().contains("grep") && error.error().contains("diagnose FILE"), error.error());
    }

    @Test
    void theLimitIsSetOnceForTheWholePath() throws Exception {
        try (EmbeddedServer small = ApplicationContext.run(EmbeddedServer.class,
                Map.of("pcibot.max-paste-bytes", String.valueOf(MIB)), Environment.TEST)) {
            HttpResponse<String> over = post(small, paste(2 * MIB));
            assertEquals(413, over.statusCode());
            assertTrue(over.body().contains("larger than 1 MiB"), over.body());
            assertEquals(200, post(small, paste(MIB / 2)).statusCode());
        }
    }
}
