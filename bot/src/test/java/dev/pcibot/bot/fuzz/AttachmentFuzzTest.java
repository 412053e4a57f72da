package dev.pcibot.bot.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import com.sun.net.httpserver.HttpServer;
import dev.pcibot.bot.discord.intake.AttachmentReader;
import dev.pcibot.bot.discord.intake.AttachmentRef;
import dev.pcibot.bot.discord.intake.AttachmentRejectedException;
import dev.pcibot.bot.discord.intake.PastedText;
import dev.pcibot.kb.diagnose.Diagnoser;
import dev.pcibot.kb.diagnose.Diagnosis;
import dev.pcibot.kb.diagnose.InputRejectedException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Timeout;

/**
 * The Discord attachment reader on whatever the CDN and the message metadata may hold: a fuzzed
 * file name (also the URL's last segment), content type, declared size, HTTP status, body (sent
 * with a length or chunked), read as text and as the diagnosis' stream. Contract: text of at
 * most the limit, or a refusal with a message (AttachmentRejectedException, InputRejectedException,
 * or the UncheckedIOException the diagnosis' reader raises for a download cut at the limit,
 * which the bot answers with its cause's message). And the pasted message text: fences removed,
 * never longer than the message.
 */
final class AttachmentFuzzTest {
    private static final long LIMIT = 4096;
    private static final String[] TYPES = {
        "text/plain; charset=utf-8", "application/json", "image/png", "", "text/x-log", "application/octet-stream"
    };
    private static final String[] STATUSES = {"200", "200", "200", "404", "500", "204"};
    private static final Diagnoser DIAGNOSER = Diagnoser.withoutCitations();
    private static final Cdn CDN = new Cdn();
    private static final AttachmentReader READER = new AttachmentReader(LIMIT, Duration.ofSeconds(2));

    /** A loopback HTTP server that answers every path with the response the current input asks for. */
    private static final class Cdn {
        volatile int status = 200;
        volatile boolean chunked;
        volatile byte[] body = new byte[0];
        final int port;

        Cdn() {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
                server.createContext("/", exchange -> {
                    byte[] b = body;
                    boolean noBody = status == 204 || status == 304;
                    exchange.sendResponseHeaders(status, noBody ? -1 : chunked ? 0 : b.length);
                    if (!noBody) {
                        try (OutputStream out = exchange.getResponseBody()) {
                            out.write(b);
                        }
                    }
                    exchange.close();
                });
                server.setExecutor(Executors.newFixedThreadPool(2, r -> {
                    Thread t = new Thread(r, "fuzz-cdn");
                    t.setDaemon(true);
                    return t;
                }));
                server.start();
                port = server.getAddress().getPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void download(FuzzedDataProvider data) {
        // the SSRF detector refuses every connection during fuzzing; this target's server is ours
        BugDetectors.allowNetworkConnections((host, port) -> isLoopback(host) && port == CDN.port);
        String type = data.pickValue(TYPES);
        CDN.status = Integer.parseInt(data.pickValue(STATUSES));
        CDN.chunked = data.consumeBoolean();
        long declared = data.consumeLong(-1, 3 * LIMIT);
        boolean asStream = data.consumeBoolean();
        String fileName = data.consumeString(120);
        CDN.body = data.consumeRemainingAsBytes();
        AttachmentRef ref = new AttachmentRef(fileName, type.isEmpty() ? null : type, declared,
                "http://127.0.0.1:" + CDN.port + "/attachments/1/2/" + fileName);
        try {
            if (asStream) {
                try (InputStream in = READER.open(ref)) {
                    Diagnosis d = DIAGNOSER.diagnose(in);
                    assertFalse(d.findings().isEmpty());
                }
            } else {
                String text = READER.readText(ref);
                assertTrue(text.getBytes(StandardCharsets.UTF_8).length <= 3 * LIMIT, "read past the limit");
            }
        } catch (AttachmentRejectedException e) {
            readable(e.getMessage());
        } catch (InputRejectedException e) {
            readable(e.getMessage());
        } catch (UncheckedIOException e) {
            readable(e.getCause().getMessage());
        } catch (IOException e) {
            throw new AssertionError("closing the download failed", e);
        }
    }

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void pastedText(@NotNull String message) { // JDA's message content is never null; Jazzer's String may be
        String text = PastedText.of(message);
        assertTrue(text.length() <= message.length(), "fences out, nothing added");
        assertFalse(text.contains("```"), "a fence survived: " + text);
    }

    private static boolean isLoopback(String host) {
        return host.equals("127.0.0.1") || host.equals("localhost");
    }

    private static void readable(@Nullable String message) {
        assertTrue(message != null && !message.isBlank(), "a refusal must say why");
        assertTrue(message.length() < 2_000, message);
    }
}
