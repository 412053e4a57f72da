package dev.pcibot.bot.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pcibot.bot.http.HealthCheck;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * A healthy service: live and ready answer UP, and the OpenAPI document it serves lists every
 * route its controllers have (method and path), with the error shape on the API's operations.
 */
@MicronautTest
class HealthAndDocumentTest {
    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Router router;

    @Test
    void liveAndReadyAnswerUp() {
        assertEquals(HealthCheck.UP, client.toBlocking().retrieve("/api/health/live", HealthCheck.class));
        HttpResponse<HealthCheck> ready = client.toBlocking().exchange("/api/health/ready", HealthCheck.class);
        assertEquals(200, ready.code());
        assertEquals(HealthCheck.UP, ready.body());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> documentPaths() {
        HttpResponse<String> response = client.toBlocking().exchange("/api/openapi.yml", String.class);
        assertEquals(200, response.code());
        Map<String, Object> doc = new Yaml().load(response.body());
        assertTrue(doc.get("openapi").toString().startsWith("3."), "an OpenAPI 3 document");
        return (Map<String, Map<String, Object>>) doc.get("paths");
    }

    @Test
    void everyControllerRouteIsInTheDocument() {
        Map<String, Map<String, Object>> paths = documentPaths();
        Set<String> documented = new TreeSet<>();
        paths.forEach((path, operations) -> operations.keySet().forEach(m -> documented.add(m.toUpperCase(Locale.ROOT) + " " + path)));
        Set<String> routes = new TreeSet<>();
        for (UriRouteInfo<?, ?> route : router.uriRoutes().map(r -> (UriRouteInfo<?, ?>) r).toList()) {
            String path = route.getUriMatchTemplate().toPathString();
            // HEAD: the twin Micronaut adds to every GET, not a route of ours
            if (route.getTargetMethod().getDeclaringType().getPackageName().startsWith("dev.pcibot")
                    && !route.getHttpMethodName().equals("HEAD")) {
                routes.add(route.getHttpMethodName() + " " + path);
            }
        }
        assertTrue(routes.size() >= 15, "the routes were found: " + routes);
        TreeSet<String> missing = new TreeSet<>(routes);
        missing.removeAll(documented);
        assertEquals(Set.of(), missing, "routes missing from /api/openapi.yml; documented: " + documented);
    }

    @Test
    @SuppressWarnings("unchecked")
    void apiOperationsDescribeTheErrorJson() {
        Map<String, Map<String, Object>> paths = documentPaths();
        for (String path : List.of("/api/search", "/api/diagnose", "/api/conversations")) {
            Map<String, Object> operation = (Map<String, Object>) paths.get(path).values().iterator().next();
            Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
            for (String code : List.of("4XX", "5XX")) {
                String response = String.valueOf(responses.get(code));
                assertTrue(response.contains("#/components/schemas/ApiError"), path + " " + code + ": " + response);
            }
        }
    }
}
