package dev.pcibot.bot.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code PCIBOT_LOG_FORMAT=json}: the real service, started, asked, and stopped, writes nothing to
 * stdout but one JSON object per line, each with level, logger and message. Its stderr (the JVM's
 * own warnings) is kept apart, as a log collector reads stdout. Without the setting, text.
 */
class JsonLogTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @Test
    void everyLineOnStdoutIsOneJsonObject() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), "--enable-native-access=ALL-UNNAMED", "dev.pcibot.bot.Launcher")
                .directory(work.toFile()).redirectOutput(work.resolve("stdout").toFile())
                .redirectError(work.resolve("stderr").toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("DISCORD_") || k.startsWith("DATASOURCES_")
                || k.startsWith("MICRONAUT_") || k.startsWith("PCIBOT_") || k.startsWith("KB_"));
        builder.environment().put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        builder.environment().put("PCIBOT_DATA_DIR", work.resolve("data").toString());
        builder.environment().put("PCIBOT_LOG_FORMAT", "json");
        Process process = builder.start();
        try {
            awaitStdout(process, "Knowledge base ready");
            try (HttpClient client = HttpClient.newHttpClient()) {
                HttpResponse<String> search = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/search?q=iommu")).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, search.statusCode());
            }
            process.destroy(); // SIGTERM: the shutdown lines too
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "stopped");
            assertEquals(0, process.exitValue(), stdout());
        } finally {
            process.destroyForcibly();
        }

        List<JsonNode> lines = new ArrayList<>();
        for (String line : stdout().split("\n")) {
            JsonNode node = JSON.readTree(line); // throws on anything that is not JSON
            assertTrue(node.isObject(), line);
            for (String field : List.of("timestamp", "level", "loggerName", "threadName", "formattedMessage")) {
                assertTrue(node.hasNonNull(field), field + " missing in " + line);
            }
            lines.add(node);
        }
        assertTrue(lines.size() >= 10, "the start, the shutdown: " + lines.size() + " lines");
        assertTrue(lines.stream().anyMatch(l -> l.get("formattedMessage").asText().startsWith("pcibot listening on")));
        assertTrue(lines.stream().anyMatch(l -> l.get("formattedMessage").asText().startsWith("Drained:")));
    }

    private String stdout() throws IOException {
        return Files.readString(work.resolve("stdout"), StandardCharsets.UTF_8).strip();
    }

    private void awaitStdout(Process process, String text) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && process.isAlive()) {
            if (stdout().contains(text)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no '" + text + "' on stdout:\n" + stdout() + "\nstderr:\n"
                + Files.readString(work.resolve("stderr")));
    }

    private static LoggerContext context() {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        return context;
    }

    private static String encoded(String format, LoggerContext context) {
        LogFormatEncoder encoder = new LogFormatEncoder(format == null ? Map.of() : Map.of(LogFormatEncoder.ENV, format));
        encoder.setContext(context);
        encoder.start();
        LoggingEvent event = new LoggingEvent("test", context.getLogger("dev.pcibot.Test"), Level.INFO, "hello {}", null,
                new Object[] {"world"});
        return new String(encoder.encode(event), StandardCharsets.UTF_8);
    }

    @Test
    void jsonOnlyWhenAskedAndAnUnknownFormatLogsTextSayingSo() throws IOException {
        assertTrue(encoded(null, context()).endsWith(" INFO  dev.pcibot.Test - hello world\n"));

        JsonNode json = JSON.readTree(encoded(" JSON ", context()));
        assertEquals("hello world", json.get("formattedMessage").asText());
        assertEquals("INFO", json.get("level").asText());

        LoggerContext context = context();
        assertTrue(encoded("yaml", context).endsWith(" INFO  dev.pcibot.Test - hello world\n"));
        assertTrue(context.getStatusManager().getCopyOfStatusList().stream().anyMatch(st -> st.getMessage()
                .equals("PCIBOT_LOG_FORMAT=yaml is not a log format; use json or text. Logging as text.")));
    }
}
