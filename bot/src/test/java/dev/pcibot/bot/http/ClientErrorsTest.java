package dev.pcibot.bot.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Requests a client got wrong (an unknown charset, no Content-Type, broken JSON, a non-number
 * limit) come back as a 4xx in our JSON shape with a plain message (no Jackson, no class names),
 * and leave nothing in the log. Sent with the JDK's client so the headers are exactly as written.
 */
@MicronautTest
class ClientErrorsTest {
    private static final List<String> INTERNALS = List.of("Jackson", "jackson", "START_", "REDACTED", "dev.pcibot",
            "Failed to convert", "More than 1 route", "Exception", "java.");

    @Inject
    EmbeddedServer server;

    @Inject
    JsonMapper json;

    private final HttpClient http = HttpClient.newHttpClient();

    private ApiError send(HttpRequest.Builder request, int expectedStatus) throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        root.addAppender(log);
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } finally {
            root.detachAppender(log);
        }
        assertEquals(expectedStatus, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        ApiError error = json.readValue(response.body(), ApiError.class);
        assertEquals(expectedStatus, error.status());
        for (String internal : INTERNALS) {
            assertFalse(error.error().contains(internal), "'" + internal + "' in: " + error.error());
        }
        List<String> logged = log.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .map(ILoggingEvent::getFormattedMessage).toList();
        assertTrue(logged.size() <= 1, "at most one log line per request: " + logged);
        return error;
    }

    private HttpRequest.Builder post(String path, String body) {
        return HttpRequest.newBuilder(URI.create(server.getURL() + path)).POST(HttpRequest.BodyPublishers.ofString(body));
    }

    @Test
    void anUnknownCharsetIsA415NamingIt() throws Exception {
        ApiError e = send(post("/api/diagnose", "[    0.0] DMAR: IOMMU enabled")
                .header("Content-Type", "text/plain; charset=foo"), 415);
        assertTrue(e.error().startsWith("The charset 'foo' in the Content-Type header is not one this API can read."),
                e.error());
        assertTrue(e.error().contains("charset=utf-8"), e.error());
    }

    @Test
    void anIllegalCharsetNameIsA415Too() throws Exception {
        ApiError e = send(post("/api/diagnose", "x").header("Content-Type", "text/plain; charset=\"@@\""), 415);
        assertTrue(e.error().contains("charset"), e.error());
    }

    @Test
    void aPasteWithoutContentTypeIsA415SayingWhatToSend() throws Exception {
        ApiError e = send(post("/api/diagnose", "[    0.0] DMAR: IOMMU enabled"), 415);
        assertTrue(e.error().startsWith("The request has no Content-Type header"), e.error());
        assertTrue(e.error().contains("text/plain") && e.error().contains("{\"text\""), e.error());
    }

    @Test
    void brokenJsonIsA400WithTheLineAndColumnAndWhatToSend() throws Exception {
        ApiError e = send(post("/api/diagnose", "{bad").header("Content-Type", "application/json"), 400);
        assertEquals("The body is not the JSON this API reads (line 1, column 2). " + BodyErrors.WHAT_TO_SEND, e.error());
    }

    @Test
    void jsonOfTheWrongShapeIsA400InPlainWords() throws Exception {
        ApiError e = send(post("/api/diagnose", "[1]").header("Content-Type", "application/json"), 400);
        assertTrue(e.error().startsWith("The body is not the JSON this API reads"), e.error());
    }

    @Test
    void aLimitThatIsNotANumberIsA400NamingTheParameter() throws Exception {
        ApiError e = send(HttpRequest.newBuilder(URI.create(server.getURL() + "/api/search?q=iommu&limit=abc")).GET(), 400);
        assertEquals("The parameter limit has a value this API cannot use: 'abc' (a whole number is expected).", e.error());
    }
}
