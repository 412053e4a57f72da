package dev.pcibot.bot.discord.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Downloads from a real HTTP server on 127.0.0.1 standing in for Discord's CDN. */
final class AttachmentReaderTest {
    private static final String DMESG = "[    0.000000] Command line: BOOT_IMAGE=/boot/vmlinuz-6.8.12-4-pve intel_iommu=on\n"
            + "[    0.123456] DMAR: IOMMU enabled\n";
    private static final long LIMIT = 1024;

    private HttpServer server;
    private AttachmentReader reader;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        serve("/dmesg.txt", DMESG.getBytes(StandardCharsets.UTF_8));
        serve("/binary.log", new byte[] {'E', 'L', 'F', 0, 1, 2, 3});
        serve("/huge.log", "x".repeat(5000).getBytes(StandardCharsets.UTF_8));
        server.createContext("/gone.txt", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.createContext("/stalls.log", exchange -> {
            // headers and a first line, then nothing: a CDN connection that hangs mid-body
            exchange.sendResponseHeaders(200, 1000);
            OutputStream out = exchange.getResponseBody();
            out.write("[    0.0] first line\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        reader = new AttachmentReader(LIMIT, Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void readsATextAttachment() throws Exception {
        assertEquals(DMESG, reader.readText(ref("dmesg.txt", "text/plain; charset=utf-8", DMESG.length())));
    }

    @Test
    void streamIsReadableForTheDiagnosis() throws Exception {
        try (InputStream in = reader.open(ref("dmesg.txt", null, DMESG.length()))) {
            assertEquals(DMESG, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void refusesBinaryContentFoundByTheNulByteSniff() {
        AttachmentRejectedException e = assertThrows(AttachmentRejectedException.class,
                () -> reader.readText(ref("binary.log", "text/plain", 7)));
        assertTrue(e.getMessage().contains("`binary.log` contains binary data"), e.getMessage());
    }

    @Test
    void refusesByReportedSizeBeforeDownloading() {
        Optional<String> refusal = reader.refusal(ref("huge.log", "text/plain", 5000));
        assertEquals(Optional.of("`huge.log` is 4.9 KiB; the limit is 1 KiB. Attach only the relevant part, e.g. "
                + "`dmesg | grep -i -e DMAR -e IOMMU -e AMD-Vi -e vfio > dmesg.txt`."), refusal);
    }

    @Test
    void stopsReadingWhenTheRealSizeExceedsWhatWasReported() {
        // Discord's size is only a claim: the stream itself enforces the limit
        AttachmentRejectedException e = assertThrows(AttachmentRejectedException.class,
                () -> reader.readText(ref("huge.log", "text/plain", 100)));
        assertTrue(e.getMessage().contains("the limit is 1 KiB"), e.getMessage());
    }

    @Test
    void aDownloadThatStallsMidBodyIsCutOffAtTheDeadline() {
        AttachmentReader impatient = new AttachmentReader(LIMIT * 10, Duration.ofMillis(300));
        AttachmentRejectedException e = assertThrows(AttachmentRejectedException.class,
                () -> impatient.readText(ref("stalls.log", "text/plain", 1000)));
        assertEquals("Downloading `stalls.log` took longer than 0.3 s. Try again, or attach a smaller part of the log.",
                e.getMessage());
    }

    @Test
    void saysClearlyWhenTheDownloadFails() {
        AttachmentRejectedException e = assertThrows(AttachmentRejectedException.class,
                () -> reader.readText(ref("gone.txt", "text/plain", 10)));
        assertEquals("I could not download `gone.txt` (HTTP 404). Try again in a moment.", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
        "dmesg.txt, null, true",
        "syslog.LOG, application/octet-stream, true",
        "vfio.conf, null, true",
        "grub.cfg, null, true",
        "pvesh.json, application/json, true",
        "notes, text/markdown, true",
        "screenshot.png, image/png, false",
        "report.pdf, application/pdf, false",
        "dump.bin, null, false",
        "no-extension, null, false",
    })
    void acceptsTextTypesAndKnownExtensionsOnly(String name, String type, boolean text) {
        assertEquals(text, AttachmentReader.isText(new AttachmentRef(name, type, 10, "http://127.0.0.1/x")));
        assertEquals(text, reader.refusal(new AttachmentRef(name, type, 10, "http://127.0.0.1/x")).isEmpty());
    }

    private AttachmentRef ref(String name, String type, long size) {
        return new AttachmentRef(name, type, size, "http://127.0.0.1:" + server.getAddress().getPort() + "/" + name);
    }

    private void serve(String path, byte[] body) {
        server.createContext(path, exchange -> {
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
    }
}
