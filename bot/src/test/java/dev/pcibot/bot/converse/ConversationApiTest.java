package dev.pcibot.bot.converse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pcibot.bot.http.ApiError;
import dev.pcibot.kb.diagnose.Finding;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** {@code /api/conversations}: a whole walk over HTTP, stale clicks, expiry, and the shared report. */
@MicronautTest
class ConversationApiTest {
    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    AdjustableClock clock;

    @Inject
    ConversationStore store;

    private static String paste(String folder, String name) throws IOException {
        try (InputStream in = ConversationApiTest.class.getResourceAsStream("/converse/" + folder + "/" + name + ".txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private ConversationView send(MutableHttpRequest<?> request) {
        return client.toBlocking().retrieve(request, ConversationView.class);
    }

    private ApiError error(MutableHttpRequest<?> request, HttpStatus expected) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(request, Argument.of(String.class), Argument.of(ApiError.class)));
        assertEquals(expected, e.getStatus());
        ApiError body = e.getResponse().getBody(ApiError.class).orElseThrow();
        assertEquals(expected.getCode(), body.status());
        return body;
    }

    private static Map<String, Object> answer(int step, String key, Object value) {
        Map<String, Object> body = new HashMap<>();
        body.put("step", step);
        body.put(key, value);
        return body;
    }

    @Test
    void healthyHostWalkedToItsSummary() throws IOException {
        ConversationView v = send(HttpRequest.POST("/api/conversations", Map.of("vmid", "100", "symptom", "setup")));
        assertEquals("kernel-iommu", v.ask().probe());
        int steps = 0;
        while (v.ask() != null && steps++ < 12) {
            String probe = v.ask().probe();
            v = send(HttpRequest.POST("/api/conversations/" + v.id() + "/answers",
                    Map.of("step", v.step(), "probe", probe, "text", paste("healthy", probe))));
        }
        assertEquals("done", v.status());
        assertEquals(6, v.step(), "five pastes: iommu, groups, modules, lspci, qm config");
        assertEquals("none", v.findings().get(0).id());
        assertFalse(v.devices().isEmpty(), "the device picture is kept");
        assertEquals("on", v.host().get("iommu"));
    }

    @Test
    void startedFromAPasteTheBlockerShowsItsFixForTheChosenBootLoader() throws IOException {
        ConversationView v = send(HttpRequest.POST("/api/conversations",
                Map.of("symptom", "vm-wont-start", "paste", paste("iommu-off", "start"))));
        assertEquals("choice", v.ask().type());
        assertEquals("boot-loader", v.ask().choice());
        v = send(HttpRequest.POST("/api/conversations/" + v.id() + "/answers",
                Map.of("step", v.step(), "choice", "boot-loader", "value", "grub")));
        assertEquals("blocked", v.status());
        Finding blocker = v.findings().get(0);
        assertEquals("iommu-not-enabled", blocker.id());
        assertTrue(blocker.fix().contains("update-grub") && !blocker.fix().contains("proxmox-boot-tool refresh"),
                blocker.fix());
        assertTrue(v.ask().afterFix());
        assertEquals("kernel-iommu", v.ask().probe());
    }

    @Test
    void doubleClickAdvancesOneStepAndTheSecondIsToldWhy() throws Exception {
        ConversationView v = send(HttpRequest.POST("/api/conversations", Map.of("symptom", "setup")));
        String url = "/api/conversations/" + v.id() + "/answers";
        Map<String, Object> body = answer(v.step(), "cannot", "kernel-iommu");
        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<HttpStatus> a = CompletableFuture.supplyAsync(() -> post(go, url, body));
        CompletableFuture<HttpStatus> b = CompletableFuture.supplyAsync(() -> post(go, url, body));
        go.countDown();
        var statuses = java.util.List.of(a.get(), b.get());
        assertTrue(statuses.contains(HttpStatus.OK) && statuses.contains(HttpStatus.CONFLICT), statuses.toString());
        ConversationView now = send(HttpRequest.GET("/api/conversations/" + v.id()));
        assertEquals(2, now.step());
        assertEquals(1, now.gaps().size());
        ApiError stale = error(HttpRequest.POST(url, body), HttpStatus.CONFLICT);
        assertTrue(stale.error().contains("step 2"), stale.error());
    }

    private HttpStatus post(CountDownLatch go, String url, Map<String, Object> body) {
        try {
            go.await();
            return client.toBlocking().exchange(HttpRequest.POST(url, body)).getStatus();
        } catch (HttpClientResponseException e) {
            return e.getStatus();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void backAndRestartAndStop() {
        ConversationView v = send(HttpRequest.POST("/api/conversations", Map.of("symptom", "setup")));
        String base = "/api/conversations/" + v.id();
        v = send(HttpRequest.POST(base + "/answers", answer(1, "cannot", "kernel-iommu")));
        v = send(HttpRequest.POST(base + "/answers", answer(2, "cannot", v.ask().probe())));
        assertEquals(3, v.step());
        v = send(HttpRequest.POST(base + "/back", Map.of("step", 3)));
        assertEquals(2, v.step());
        assertEquals(1, v.gaps().size());
        v = send(HttpRequest.POST(base + "/restart", Map.of()));
        assertEquals(1, v.step());
        v = send(HttpRequest.POST(base + "/stop", Map.of()));
        assertTrue(v.stopped());
        ApiError stopped = error(HttpRequest.POST(base + "/answers", answer(1, "cannot", "kernel-iommu")), HttpStatus.CONFLICT);
        assertTrue(stopped.error().contains("stopped"), stopped.error());
        assertFalse(send(HttpRequest.POST(base + "/resume", Map.of())).stopped());
    }

    @Test
    void expiredConversationSaysSoAndResumesUntilItIsDeleted() {
        ConversationView v = send(HttpRequest.POST("/api/conversations", Map.of("symptom", "setup")));
        String base = "/api/conversations/" + v.id();
        clock.advance(Duration.ofHours(25));
        assertTrue(send(HttpRequest.GET(base)).expired());
        ApiError expired = error(HttpRequest.POST(base + "/answers", answer(1, "cannot", "kernel-iommu")), HttpStatus.GONE);
        assertTrue(expired.error().contains("expired after 24 h") && expired.error().contains("Resume"), expired.error());
        assertFalse(send(HttpRequest.POST(base + "/resume", Map.of())).expired());
        assertEquals(2, send(HttpRequest.POST(base + "/answers", answer(1, "cannot", "kernel-iommu"))).step());

        clock.advance(Duration.ofDays(8));
        assertTrue(store.deleteIdleSince(clock.instant().minus(Duration.ofDays(7))) >= 1);
        ApiError gone = error(HttpRequest.GET(base), HttpStatus.NOT_FOUND);
        assertTrue(gone.error().contains("deleted"), gone.error());
    }

    @Test
    void sharedReportIsScrubbedAndItsLinkExpires() throws IOException {
        String pasted = "root@pve-lab7:~# ip link\n2: enp3s0: link/ether bc:24:11:5e:7a:01 brd ff:ff:ff:ff:ff:ff\n"
                + paste("healthy", "qm-config");
        ConversationView v = send(HttpRequest.POST("/api/conversations", Map.of("symptom", "setup", "paste", pasted)));
        ConversationRequests.Shared shared = client.toBlocking().retrieve(
                HttpRequest.POST("/api/conversations/" + v.id() + "/share", Map.of()), ConversationRequests.Shared.class);
        String report = client.toBlocking().retrieve(HttpRequest.GET(shared.url()), String.class);
        assertTrue(report.startsWith("# PCI passthrough diagnosis"), report);
        assertFalse(report.contains("bc:24:11") || report.contains("6c1b1a3e") || report.contains("pve-lab7"), report);
        clock.advance(Duration.ofDays(8));
        error(HttpRequest.GET(shared.url()), HttpStatus.NOT_FOUND);
    }

    @Test
    void badRequestsAreToldWhatToSend() {
        ApiError vmid = error(HttpRequest.POST("/api/conversations", Map.of("vmid", "100; reboot")), HttpStatus.BAD_REQUEST);
        assertTrue(vmid.error().contains("VM id"), vmid.error());
        ConversationView v = send(HttpRequest.POST("/api/conversations", Map.of()));
        assertEquals("symptom", v.ask().choice());
        assertNull(v.ask().command());
        ApiError two = error(HttpRequest.POST("/api/conversations/" + v.id() + "/answers",
                Map.of("step", 1, "cannot", "kernel-iommu", "choice", "symptom")), HttpStatus.BAD_REQUEST);
        assertTrue(two.error().contains("exactly one"), two.error());
        ApiError empty = error(HttpRequest.POST("/api/conversations/" + v.id() + "/answers",
                Map.of("step", 1, "probe", "kernel-iommu", "text", " ")), HttpStatus.BAD_REQUEST);
        assertTrue(empty.error().contains("nothing to diagnose"), empty.error());
        assertNotNull(error(HttpRequest.GET("/api/conversations/not-a-uuid"), HttpStatus.NOT_FOUND).error());
    }
}
