package dev.pcibot.bot.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pcibot.kb.diagnose.Diagnoser;
import dev.pcibot.kb.diagnose.DiagnosisBudget;
import dev.pcibot.kb.diagnose.Diagnosis;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** A diagnosis stopped by its budget is a 503 with Retry-After and the kb's plain message. */
@MicronautTest
@Property(name = "spec.name", value = "DiagnosisTimeoutApiTest")
class DiagnosisTimeoutApiTest {
    @Inject
    @Client("/")
    HttpClient client;

    /** Runs the real diagnoser on a budget that is already spent (cancelled). */
    @Requires(property = "spec.name", value = "DiagnosisTimeoutApiTest")
    @Controller("/test/spent-budget")
    static final class SpentBudget {
        @Inject
        Diagnoser diagnoser;

        @Get
        Diagnosis diagnose() {
            DiagnosisBudget budget = diagnoser.budget();
            budget.cancel();
            return diagnoser.diagnose("[    0.1] DMAR: IOMMU enabled\n".repeat(100), budget);
        }
    }

    @Test
    void aSpentBudgetIs503WithRetryAfterNot400() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.GET("/test/spent-budget"),
                        Argument.of(String.class), Argument.of(ApiError.class)));
        assertEquals(HttpStatus.SERVICE_UNAVAILABLE, e.getStatus());
        ApiError body = e.getResponse().getBody(ApiError.class).orElseThrow();
        assertEquals(503, body.status());
        assertTrue(body.error().contains("stopped"), body.error());
        assertEquals(DiagnosisTimeoutHandler.RETRY_AFTER_SECONDS, e.getResponse().getHeaders().get(HttpHeaders.RETRY_AFTER));
    }
}
