package dev.pcibot.bot.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pcibot.bot.ServiceProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM while a large paste is being diagnosed: the service stops accepting connections, the
 * diagnosis finishes and is answered in full, the log says it drained, and the process exits 0.
 * The paste is uploaded in two halves with the signal in between, so the request is surely in
 * flight when the signal comes, however fast the machine.
 */
class GracefulShutdownTest {
    @TempDir
    Path work;

    static String largePaste() throws IOException {
        String sample;
        try (InputStream in = GracefulShutdownTest.class.getResourceAsStream("/http/bar-reserve.txt")) {
            sample = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        StringBuilder paste = new StringBuilder(sample);
        for (int i = 0; paste.length() < 256 * 1024; i++) { // a long dmesg: ordinary kernel lines around the problem
            paste.append("[ ").append(1000 + i).append(".000000] usb 1-").append(i % 8).append(": new high-speed USB device\n");
        }
        return paste.toString();
    }

    @Test
    void sigtermLetsTheDiagnosisInFlightFinishThenExitsZero() throws Exception {
        byte[] paste = largePaste().getBytes(StandardCharsets.UTF_8);
        try (ServiceProcess service = ServiceProcess.start(work, Map.of("PCIBOT_SHUTDOWN_GRACE", "30s"))) {
            service.awaitOutput("pcibot listening on .*");
            service.awaitOutput("Knowledge base ready");

            // given: a diagnosis whose body is half sent
            PipedInputStream body = new PipedInputStream(64 * 1024);
            OutputStream upload = new PipedOutputStream(body);
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            CompletableFuture<HttpResponse<String>> response = client.sendAsync(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + service.port() + "/api/diagnose")).header("Content-Type", "text/plain")
                    .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            int half = paste.length / 2;
            upload.write(paste, 0, half);
            upload.flush();
            awaitInFlight(service, 2); // it, and the scrape that looks

            // when: SIGTERM
            service.terminate();
            service.awaitOutput("Shutting down: no new connections; waiting up to 30 s for 1 request\\(s\\) in flight");

            // then: new connections are soon refused (the log line comes as the listener is being
            // closed, not after: one CI run still connected right after it), and the one in flight
            // is answered in full
            awaitRefused(service.port());
            upload.write(paste, half, paste.length - half);
            upload.close();
            HttpResponse<String> answer = response.get(60, TimeUnit.SECONDS);
            assertEquals(200, answer.statusCode(), answer.body());
            assertTrue(answer.body().contains("\"id\":\"bar-reserve-conflict-efifb\""), answer.body());
            assertTrue(answer.body().trim().endsWith("}"), "complete JSON");
            assertEquals(0, service.awaitExit(), service.output());
            assertTrue(service.output().contains("Drained: every request in flight finished (1 at the start)"),
                    service.output());
        }
    }

    /** Connects until the port refuses; fails if it still takes connections after 10 s. */
    private static void awaitRefused(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            } catch (ConnectException refused) {
                return;
            } catch (IOException other) {
                throw new AssertionError("expected a refused connection, got " + other, other);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("port " + port + " still takes new connections 10 s after SIGTERM");
    }

    /** Polls /metrics until {@code n} requests are in flight (the scrape counts itself). */
    private static void awaitInFlight(ServiceProcess service, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            double inFlight = new PrometheusText(service.get("/metrics").body())
                    .sum("pcibot_http_in_flight_requests", Map.of());
            if (inFlight >= n) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the diagnosis never showed as in flight:\n" + service.output());
    }
}
