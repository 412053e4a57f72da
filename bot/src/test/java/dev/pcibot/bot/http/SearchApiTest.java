package dev.pcibot.bot.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pcibot.kb.search.InvalidQueryException;
import dev.pcibot.kb.search.KbSearcher;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code GET /api/search} over the real bundled guides and index. */
@MicronautTest
class SearchApiTest {
    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    KbSearcher searcher;

    private static URI search(String q, Object limit) {
        UriBuilder uri = UriBuilder.of("/api/search").queryParam("q", q);
        return (limit == null ? uri : uri.queryParam("limit", limit)).build();
    }

    private SearchResponse get(URI uri) {
        return client.toBlocking().retrieve(HttpRequest.GET(uri), SearchResponse.class);
    }

    private ApiError error(URI uri, HttpStatus expected) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.GET(uri), Argument.of(String.class), Argument.of(ApiError.class)));
        assertEquals(expected, e.getStatus());
        ApiError body = e.getResponse().getBody(ApiError.class).orElseThrow();
        assertEquals(expected.getCode(), body.status());
        return body;
    }

    private String kbMessage(String query) {
        return assertThrows(InvalidQueryException.class, () -> searcher.search(query, 5)).getMessage();
    }

    @Test
    void answersAQuestionWithCitedHits() {
        SearchResponse response = get(search("how do I enable IOMMU", 3));
        assertTrue(response.answered());
        assertFalse(response.hits().isEmpty());
        assertTrue(response.hits().size() <= 3, "limit respected");
        HitView top = response.hits().get(0);
        assertFalse(top.guide().isBlank());
        assertFalse(top.headingPath().isEmpty());
        assertTrue(top.url().startsWith("http"), top.url());
        assertTrue(top.score() > 0);
        assertTrue(response.hits().stream().anyMatch(h -> h.snippet().contains("**")), "matched words highlighted");
    }

    @Test
    void technicalTokenFindsCommands() {
        SearchResponse response = get(search("intel_iommu=on", null));
        assertTrue(response.answered());
        assertTrue(response.hits().stream().flatMap(h -> h.commands().stream()).anyMatch(c -> c.contains("intel_iommu=on")),
                "a hit shows the command to copy");
    }

    @Test
    void questionQuotingAKnownMessageCarriesTheFindingFirst() {
        SearchResponse response = get(search("why does qm start say group 13 is not viable", null));
        assertTrue(response.answered());
        assertEquals("group-not-viable", response.findings().get(0).id());
        assertFalse(response.findings().get(0).fix().isBlank());
    }

    @Test
    void plainQuestionHasNoFinding() {
        assertTrue(get(search("how do I enable IOMMU", null)).findings().isEmpty());
    }

    @Test
    void saysNoGoodAnswerRatherThanStretching() {
        SearchResponse response = get(search("how do I bake sourdough bread", null));
        assertFalse(response.answered());
        assertTrue(response.hits().isEmpty());
    }

    @Test
    void everyKeyIsPresentEvenWhenEmptyOrNull() {
        String json = client.toBlocking().retrieve(HttpRequest.GET(search("how do I bake sourdough bread", null)));
        assertTrue(json.contains("\"hits\":[]"), json);
        assertTrue(json.contains("\"findings\":[]"), json);
        assertTrue(json.contains("\"answered\":false"), json);
    }

    @Test
    void limitIsClampedToConfiguredMaximum() {
        SearchResponse response = get(search("vfio", 1000));
        assertTrue(response.hits().size() <= 10, "kb.max-hits defaults to 10: " + response.hits().size());
    }

    @Test
    void missingQueryIs400WithKbMessage() {
        ApiError body = error(UriBuilder.of("/api/search").build(), HttpStatus.BAD_REQUEST);
        assertEquals(kbMessage(""), body.error());
    }

    @Test
    void twentyThousandCharacterQueryIs400() {
        String longQuery = "iommu ".repeat(3334).substring(0, 20_000);
        ApiError body = error(search(longQuery, null), HttpStatus.BAD_REQUEST);
        assertEquals(kbMessage(longQuery), body.error());
        assertTrue(body.error().contains("too long"), body.error());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\u0001\u0002\u0007", "?!.,;:-", "+-&|!(){}[]^\"~*?:\\/"})
    void unsearchableQueryIs400WithKbMessage(String query) {
        ApiError body = error(search(query, null), HttpStatus.BAD_REQUEST);
        assertEquals(kbMessage(query), body.error());
    }

    @Test
    void controlCharactersAroundWordsAreStrippedNotRefused() {
        SearchResponse response = get(search("\u0007vfio-pci\u0000 ids", null));
        assertTrue(response.answered());
        assertFalse(response.query().contains("\u0007"));
    }

    @Test
    void queryLongerThanTheRequestLineLimitIs413WithAMessage() {
        // 120,000 characters: past Netty's request-line limit, so the kb never sees it.
        ApiError body = error(search("iommu ".repeat(20_000), null), HttpStatus.REQUEST_ENTITY_TOO_LARGE);
        assertTrue(body.error().contains("shorter question"), body.error());
    }

    @Test
    void nonNumericLimitIs400() {
        ApiError body = error(search("iommu", "many"), HttpStatus.BAD_REQUEST);
        assertTrue(body.error().contains("limit"), body.error());
    }

    @Test
    void postIsNotAllowed() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.POST("/api/search", "q=iommu"), String.class));
        assertEquals(HttpStatus.METHOD_NOT_ALLOWED, e.getStatus());
        ApiError body = e.getResponse().getBody(ApiError.class).orElseThrow();
        assertTrue(body.error().contains("GET /api/search"), body.error());
    }
}
