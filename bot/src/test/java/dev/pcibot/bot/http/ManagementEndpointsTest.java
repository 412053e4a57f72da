package dev.pcibot.bot.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Micronaut's management endpoints arrive with micronaut-flyway and used to answer 401 with an empty
 * body; they are off, so these paths are plain unknown routes. Our health is {@code /api/health}.
 */
@MicronautTest
class ManagementEndpointsTest {
    @Inject
    @Client("/")
    HttpClient client;

    @ParameterizedTest
    @ValueSource(strings = {"/health", "/flyway", "/routes", "/beans", "/info", "/loggers", "/refresh", "/env"})
    void managementPathsAreUnknownRoutes(String path) {
        HttpClientResponseException e = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.GET(path), String.class));
        assertEquals(404, e.getStatus().getCode(), path + " answered " + e.getStatus());
    }
}
