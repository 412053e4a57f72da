package dev.pcibot.bot.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Errors Micronaut raises itself come back in our JSON shape, and the web page is served. */
@MicronautTest
class ApiErrorsTest {
    @Inject
    @Client("/")
    HttpClient client;

    private ApiError error(HttpRequest<?> request, HttpStatus expected) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(request, String.class));
        assertEquals(expected, e.getStatus());
        assertEquals(MediaType.APPLICATION_JSON_TYPE, e.getResponse().getContentType().orElseThrow());
        ApiError body = e.getResponse().getBody(ApiError.class).orElseThrow();
        assertEquals(expected.getCode(), body.status());
        return body;
    }

    @Test
    void unknownApiRouteIsJson404() {
        ApiError body = error(HttpRequest.GET("/api/nope"), HttpStatus.NOT_FOUND);
        assertTrue(body.error().startsWith("Nothing at GET /api/nope."), body.error());
        assertTrue(body.error().contains("/api/search"), body.error());
    }

    @Test
    void unknownPageIsJson404EvenForBrowsers() {
        ApiError body = error(HttpRequest.GET("/no-such-page.html").accept(MediaType.TEXT_HTML_TYPE),
                HttpStatus.NOT_FOUND);
        assertTrue(body.error().startsWith("Nothing at GET /no-such-page.html."), body.error());
    }

    @Test
    void webPageIsServedAtRoot() {
        HttpResponse<String> page = client.toBlocking().exchange(HttpRequest.GET("/"), String.class);
        assertEquals(HttpStatus.OK, page.getStatus());
        String html = page.body();
        assertTrue(html.contains("<form id=\"search-form\""), "search form");
        assertTrue(html.contains("<textarea id=\"paste\""), "paste box");
        String script = client.toBlocking().retrieve("/app.js");
        assertTrue(script.contains("api/diagnose"), "the page calls the API");
    }

    @Test
    void tooLargeMessageStatesTheLimitAndWhatToDo() {
        String message = ApiErrorResponseProcessor.tooLarge(16L * 1024 * 1024);
        assertTrue(message.contains("larger than 16 MiB"), message);
        assertTrue(message.contains("tail -n 5000"), message);
        assertTrue(message.contains("diagnose FILE"), message);
    }
}
