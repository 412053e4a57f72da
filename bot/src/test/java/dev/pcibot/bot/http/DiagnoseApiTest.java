package dev.pcibot.bot.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pcibot.kb.diagnose.Diagnosis;
import dev.pcibot.kb.diagnose.Finding;
import dev.pcibot.kb.diagnose.Severity;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code POST /api/diagnose} with real pastes, and every way a body can be wrong. */
@MicronautTest
class DiagnoseApiTest {
    private static final long LIMIT = 16L * 1024 * 1024; // micronaut.server.max-request-size in application.yml

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    EmbeddedServer server;

    @Inject
    ObjectMapper json;

    static String sample(String name) throws IOException {
        try (InputStream in = DiagnoseApiTest.class.getResourceAsStream("/http/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private Diagnosis post(MutableHttpRequest<?> request) {
        return client.toBlocking().retrieve(request, Diagnosis.class);
    }

    private ApiError error(MutableHttpRequest<?> request, HttpStatus expected) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(request, Argument.of(String.class), Argument.of(ApiError.class)));
        assertEquals(expected, e.getStatus());
        ApiError body = e.getResponse().getBody(ApiError.class).orElseThrow();
        assertEquals(expected.getCode(), body.status());
        return body;
    }

    private static Finding finding(Diagnosis d, String id) {
        return d.findings().stream().filter(f -> f.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not in " + d.findings().stream().map(Finding::id).toList()));
    }

    @Test
    void plainTextPasteGivesFindingWithExactEvidenceAndCitation() throws IOException {
        Diagnosis d = post(HttpRequest.POST("/api/diagnose", sample("bar-reserve.txt")).contentType(MediaType.TEXT_PLAIN));
        Finding bar = finding(d, "bar-reserve-conflict-efifb");
        assertTrue(bar.evidence().contains(
                "[  118.290614] vfio-pci 0000:04:00.0: BAR 3: can't reserve [mem 0xca000000-0xcbffffff 64bit]"),
                bar.evidence().toString());
        assertFalse(bar.fix().isBlank());
        assertFalse(bar.citations().isEmpty(), "citations come from the knowledge base search");
        assertTrue(bar.citations().get(0).url().startsWith("http"), bar.citations().get(0).url());
        assertFalse(d.parts().isEmpty());
    }

    @Test
    void jsonBodyIsReadTheSameWay() throws IOException {
        Diagnosis d = post(HttpRequest.POST("/api/diagnose", Map.of("text", sample("iommu-param-set-vtd-off.txt")))
                .contentType(MediaType.APPLICATION_JSON));
        Finding f = finding(d, "iommu-not-enabled");
        assertEquals(f, d.findings().get(0), "worst first");
        assertFalse(d.nextSteps().isEmpty() && d.notChecked().isEmpty());
    }

    @Test
    void healthyPasteHasNoProblems() throws IOException {
        Diagnosis d = post(HttpRequest.POST("/api/diagnose", sample("healthy-gtx1080.txt")).contentType(MediaType.TEXT_PLAIN));
        assertTrue(d.findings().stream().allMatch(f -> f.severity() == Severity.INFO), d.findings().toString());
        assertFalse(d.devices().isEmpty(), "the joined device picture");
    }

    @Test
    void everyDiagnosisKeyIsPresent() throws IOException {
        String body = client.toBlocking().retrieve(
                HttpRequest.POST("/api/diagnose", sample("bar-reserve.txt")).contentType(MediaType.TEXT_PLAIN));
        for (String key : new String[] {"parts", "host", "devices", "findings", "nextSteps", "notChecked"}) {
            assertTrue(body.contains("\"" + key + "\":"), key + " in " + body);
        }
    }

    @Test
    void emptyBodyIs400WithWhatToPaste() {
        ApiError body = error(HttpRequest.POST("/api/diagnose", "").contentType(MediaType.TEXT_PLAIN), HttpStatus.BAD_REQUEST);
        assertTrue(body.error().contains("nothing to diagnose"), body.error());
        assertTrue(body.error().contains("lspci -nnk"), body.error());
    }

    @Test
    void blankJsonTextIs400() {
        ApiError body = error(HttpRequest.POST("/api/diagnose", Map.of("text", "  \n ")).contentType(MediaType.APPLICATION_JSON),
                HttpStatus.BAD_REQUEST);
        assertTrue(body.error().contains("nothing to diagnose"), body.error());
    }

    @Test
    void jsonWithoutTextIs400() {
        ApiError body = error(HttpRequest.POST("/api/diagnose", Map.of("paste", "dmesg")).contentType(MediaType.APPLICATION_JSON),
                HttpStatus.BAD_REQUEST);
        assertTrue(body.error().contains("\"text\""), body.error());
    }

    @Test
    void malformedJsonIs400() {
        ApiError body = error(HttpRequest.POST("/api/diagnose", "{\"text\": ").contentType(MediaType.APPLICATION_JSON),
                HttpStatus.BAD_REQUEST);
        assertFalse(body.error().isBlank());
        assertFalse(body.error().contains("\tat "), "no stack trace");
    }

    @Test
    void binaryTextBodyIs400() {
        byte[] png = new byte[4096];
        new java.util.Random(42).nextBytes(png);
        png[0] = (byte) 0x89;
        Arrays.fill(png, 100, 200, (byte) 0);
        ApiError body = error(HttpRequest.POST("/api/diagnose", png).contentType(MediaType.TEXT_PLAIN), HttpStatus.BAD_REQUEST);
        assertTrue(body.error().contains("binary"), body.error());
    }

    @Test
    void wrongContentTypeIs415SayingWhatToSend() {
        ApiError body = error(HttpRequest.POST("/api/diagnose", new byte[] {1, 2, 3})
                .contentType(MediaType.APPLICATION_OCTET_STREAM), HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertTrue(body.error().contains("application/octet-stream"), body.error());
        assertTrue(body.error().contains("text/plain"), body.error());
    }

    @Test
    void formEncodedBodyAsCurlSendsByDefaultIs415() {
        ApiError body = error(HttpRequest.POST("/api/diagnose", "dmesg output")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED), HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertTrue(body.error().contains("Content-Type: text/plain"), body.error());
    }

    @Test
    void bodyJustOverTheLimitIs413StatingTheLimit() {
        byte[] big = new byte[(int) LIMIT + 1024];
        Arrays.fill(big, (byte) 'a');
        ApiError body = error(HttpRequest.POST("/api/diagnose", big).contentType(MediaType.TEXT_PLAIN),
                HttpStatus.REQUEST_ENTITY_TOO_LARGE);
        assertTrue(body.error().contains("larger than 16 MiB, the limit"), body.error());
        assertTrue(body.error().contains("tail -n 5000"), body.error());
    }

    @Test
    void hundredMegabyteStreamIsRefusedAndTheServiceStaysUp() throws Exception {
        // Streamed from a generator, so the test holds no 100 MB array; sent with the JDK client because
        // it reads the early 413 while still sending.
        long size = 100L * 1024 * 1024;
        java.net.http.HttpClient jdk = java.net.http.HttpClient.newHttpClient();
        URI uri = URI.create("http://127.0.0.1:" + server.getPort() + "/api/diagnose");
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(uri)
                .header("Content-Type", "text/plain")
                .POST(java.net.http.HttpRequest.BodyPublishers.fromPublisher(
                        java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new RepeatingInput(size)), size))
                .build();
        java.net.http.HttpResponse<String> response = jdk.send(request, BodyHandlers.ofString());
        assertEquals(413, response.statusCode());
        ApiError body = json.readValue(response.body(), ApiError.class);
        assertTrue(body.error().contains("larger than 16 MiB, the limit"), body.error());

        String health = client.toBlocking().retrieve("/api/health");
        assertTrue(health.contains("\"status\":\"UP\""), health);
    }

    /** {@code size} bytes of log-like text, generated as read. */
    static final class RepeatingInput extends InputStream {
        private static final byte[] LINE = "[    1.234567] pci 0000:00:1f.0: some ordinary boot line\n"
                .getBytes(StandardCharsets.US_ASCII);
        private long left;

        RepeatingInput(long size) {
            this.left = size;
        }

        @Override
        public int read() {
            if (left <= 0) {
                return -1;
            }
            return LINE[(int) (--left % LINE.length)];
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            for (int i = 0; i < n; i++) {
                b[off + i] = LINE[(int) ((left - i) % LINE.length)];
            }
            left -= n;
            return n;
        }
    }
}
