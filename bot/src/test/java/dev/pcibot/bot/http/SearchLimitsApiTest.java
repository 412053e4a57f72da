package dev.pcibot.bot.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.BeanContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.inject.ExecutableMethod;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * The search refuses an over-long question by its raw length before reading it (one 60 KB
 * question of spaces took 6 s in the message table before), and runs off the event loop.
 */
@MicronautTest
class SearchLimitsApiTest {
    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    BeanContext beans;

    @Test
    void aSixtyKilobyteQuestionOfSpacesIsRefusedByItsRawLength() {
        String q = "amdgpu SMU " + " ".repeat(60_000) + "why";
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.GET(UriBuilder.of("/api/search").queryParam("q", q).build()),
                        Argument.of(String.class), Argument.of(ApiError.class)));
        assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
        String error = e.getResponse().getBody(ApiError.class).orElseThrow().error();
        assertTrue(error.contains("2000 counting spaces"), error);
    }

    @Test
    void searchAndDiagnosisRunOnTheCpuPoolNotTheEventLoop() {
        ExecutableMethod<?, ?> search = beans.getBeanDefinition(SearchController.class).getExecutableMethods().stream()
                .filter(m -> m.getMethodName().equals("search")).findFirst().orElseThrow();
        assertEquals(CpuWork.EXECUTOR, search.stringValue(ExecuteOn.class).orElse("event loop"));
        beans.getBeanDefinition(DiagnoseController.class).getExecutableMethods().stream()
                .filter(m -> m.getMethodName().equals("text") || m.getMethodName().equals("json"))
                .forEach(m -> assertEquals(CpuWork.EXECUTOR, m.stringValue(ExecuteOn.class).orElse("event loop"), m.getMethodName()));
    }

    /** Virtual threads are not time-sliced: one long diagnosis held a carrier and stalled the rest. */
    @Test
    void theCpuPoolRunsPlatformThreads() throws Exception {
        java.util.concurrent.ExecutorService pool = beans.getBean(java.util.concurrent.ExecutorService.class,
                io.micronaut.inject.qualifiers.Qualifiers.byName(CpuWork.EXECUTOR));
        assertEquals(Boolean.FALSE, pool.submit(() -> Thread.currentThread().isVirtual()).get());
    }
}
