package dev.pcibot.bot.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every response carries the Content-Security-Policy, nosniff and no-framing headers: the page and
 * its files, API answers, and errors (an unknown route, a bad query, a wrong content type).
 */
@MicronautTest
class SecurityHeadersTest {
    @Inject
    @Client("/")
    HttpClient client;

    @ParameterizedTest
    @CsvSource({
        "GET, /, 200",
        "GET, /app.js, 200",
        "GET, /style.css, 200",
        "GET, /api/search?q=iommu+groups, 200",
        "GET, /api/health, 200",
        "GET, /api/search?q=%3F%21, 400",
        "GET, /no/such/page, 404",
        "POST, /api/diagnose, 415",
    })
    void everyResponseCarriesTheHeaders(String method, String path, int status) {
        HttpRequest<?> request = method.equals("GET") ? HttpRequest.GET(path)
                : HttpRequest.POST(path, new byte[] {1, 2}).contentType(MediaType.IMAGE_PNG_TYPE);
        HttpResponse<?> response;
        try {
            response = client.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            response = e.getResponse();
        }
        assertEquals(status, response.code(), path);
        String csp = response.getHeaders().get("Content-Security-Policy");
        assertEquals(SecurityHeadersFilter.CONTENT_SECURITY_POLICY, csp, path);
        assertTrue(csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), csp);
        assertEquals("nosniff", response.getHeaders().get("X-Content-Type-Options"), path);
        assertEquals("DENY", response.getHeaders().get("X-Frame-Options"), path);
    }

    /** The policy allows no inline script or style, so the page must have none. */
    @Test
    void pageHasNoInlineScriptOrStyle() throws IOException {
        String html;
        try (InputStream in = SecurityHeadersTest.class.getResourceAsStream("/public/index.html")) {
            html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>").matcher(html).results().findAny().isEmpty(), "inline <script>");
        assertTrue(!html.contains("<style") && !html.contains(" style=") && !Pattern.compile(" on[a-z]+=").matcher(html).find(),
                "inline style or event handler");
        String js;
        try (InputStream in = SecurityHeadersTest.class.getResourceAsStream("/public/app.js")) {
            js = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(!js.contains(".innerHTML") && !js.contains("insertAdjacentHTML") && !js.contains("style=\""),
                "app.js builds DOM nodes: no innerHTML, no style attributes");
    }
}
