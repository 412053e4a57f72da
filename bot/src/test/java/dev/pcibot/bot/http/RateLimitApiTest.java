package dev.pcibot.bot.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** One client over its rate gets 429 JSON with Retry-After; health is never limited. */
@MicronautTest
@Property(name = "api.rate-limit.requests", value = "3")
@Property(name = "api.rate-limit.window", value = "60s")
class RateLimitApiTest {
    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void aClientOverItsRateGets429WithRetryAfterWhileHealthStaysFree() {
        for (int i = 0; i < 3; i++) {
            assertEquals(HttpStatus.OK, client.toBlocking().exchange(HttpRequest.GET("/api/search?q=iommu")).getStatus());
        }
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.POST("/api/diagnose", "DMAR: IOMMU enabled")
                        .contentType("text/plain"), Argument.of(String.class), Argument.of(ApiError.class)));
        assertEquals(HttpStatus.TOO_MANY_REQUESTS, e.getStatus());
        ApiError body = e.getResponse().getBody(ApiError.class).orElseThrow();
        assertEquals(429, body.status());
        assertTrue(body.error().contains("Try again in 20 s"), body.error());
        assertEquals("20", e.getResponse().getHeaders().get(HttpHeaders.RETRY_AFTER));

        for (int i = 0; i < 5; i++) {
            assertEquals(HttpStatus.OK, client.toBlocking().exchange(HttpRequest.GET("/api/health")).getStatus());
        }
    }
}
