package dev.pcibot.bot.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The web security points, one test each, over real HTTP: the Content-Security-Policy allows
 * script, style and fetches from this origin only (no inline code, no eval); every response,
 * errors and static files included, says {@code X-Content-Type-Options: nosniff} and static files
 * carry the type nosniff then insists on; a body over the paste limit is a 413 naming the limit, an
 * over-long address or header a 4xx in plain words.
 */
@MicronautTest
class WebSecurityTest {
    private static final long LIMIT = 16L * 1024 * 1024; // pcibot.max-paste-bytes' default

    @Inject
    EmbeddedServer server;

    @Inject
    JsonMapper json;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(URI.create(server.getURL() + path));
    }

    /** The policy as directive → sources. */
    private static Map<String, List<String>> policy(String header) {
        Map<String, List<String>> directives = new LinkedHashMap<>();
        for (String directive : header.split(";")) {
            List<String> words = Arrays.asList(directive.strip().split("\\s+"));
            directives.put(words.get(0), words.subList(1, words.size()));
        }
        return directives;
    }

    @Test
    void theCspAllowsScriptStyleAndFetchesFromThisOriginOnly() throws Exception {
        HttpResponse<String> page = send(at("/").GET());
        assertEquals(200, page.statusCode());
        Map<String, List<String>> csp = policy(page.headers().firstValue("Content-Security-Policy").orElseThrow());
        assertEquals(List.of("'none'"), csp.get("default-src"), "anything not named is refused");
        for (String kind : List.of("script-src", "style-src", "connect-src")) {
            assertEquals(List.of("'self'"), csp.get(kind), kind);
        }
        String all = String.join(" ", csp.values().stream().flatMap(List::stream).toList());
        for (String loophole : List.of("'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "'wasm-unsafe-eval'", "*", "http:",
                "https:")) {
            assertFalse(Arrays.asList(all.split(" ")).contains(loophole), loophole + " in " + csp);
        }
        assertEquals(List.of("'none'"), csp.get("frame-ancestors"));
        assertEquals(List.of("'none'"), csp.get("base-uri"));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "GET, /, 200",
        "GET, /index.html, 200",
        "GET, /app.js, 200",
        "GET, /troubleshoot.js, 200",
        "GET, /style.css, 200",
        "GET, /api/health, 200",
        "GET, /api/search?q=iommu, 200",
        "GET, /api/search?q=, 400",
        "GET, /no/such/file.js, 404",
        "DELETE, /api/search, 405",
        "POST, /api/diagnose, 415",
        "HEAD, /app.js, 200",
    })
    void everyResponseSaysNosniff(String method, String path, int status) throws Exception {
        HttpRequest.Builder request = at(path).method(method, method.equals("POST")
                ? HttpRequest.BodyPublishers.ofString("x") : HttpRequest.BodyPublishers.noBody());
        if (method.equals("POST")) {
            request.header("Content-Type", "image/png");
        }
        HttpResponse<String> response = send(request);
        assertEquals(status, response.statusCode(), path + ": " + response.body());
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""), path);
        assertTrue(response.headers().firstValue("Content-Security-Policy").isPresent(), path);
    }

    /** With nosniff a browser runs a script only if it is served as JavaScript, and uses a style sheet only as text/css. */
    @ParameterizedTest
    @CsvSource({"/app.js, javascript", "/troubleshoot.js, javascript", "/style.css, text/css", "/, text/html"})
    void staticFilesCarryTheTypeNosniffInsistsOn(String path, String type) throws Exception {
        HttpResponse<String> response = send(at(path).GET());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").contains(type),
                path + ": " + response.headers().firstValue("Content-Type"));
    }

    @Test
    void aBodyOverThePasteLimitIsA413NamingTheLimit() throws Exception {
        HttpResponse<String> response = send(at("/api/diagnose").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[(int) LIMIT + 1])));
        assertEquals(413, response.statusCode());
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""));
        String error = json.readValue(response.body(), JsonNode.class).get("error").getStringValue();
        assertTrue(error.contains("larger than 16 MiB") && error.contains("pcibot.max-paste-bytes"), error);
    }

    @Test
    void anOverLongAddressIsA4xxInPlainWords() throws Exception {
        HttpResponse<String> response = send(at("/api/search?q=" + "iommu+".repeat(20_000)).GET());
        assertClear4xx(response, "too long");
    }

    @Test
    void anOverLongHeaderIsA4xxInPlainWords() throws Exception {
        HttpResponse<String> response = send(at("/api/search?q=iommu").header("X-Filler", "a".repeat(64 * 1024)).GET());
        assertClear4xx(response, "too long");
    }

    private void assertClear4xx(HttpResponse<String> response, String says) throws Exception {
        assertTrue(response.statusCode() >= 400 && response.statusCode() < 500, response.statusCode() + " " + response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), response.headers().toString());
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""));
        String error = json.readValue(response.body(), JsonNode.class).get("error").getStringValue();
        assertTrue(error.contains(says), "'" + says + "' in: " + error);
        assertFalse(error.contains("Exception") || error.contains("netty"), error);
    }
}
