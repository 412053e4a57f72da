package dev.pcibot.bot.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pcibot.bot.badinput.BadInputs.Expect;
import dev.pcibot.bot.badinput.BadInputs.Outcome;
import dev.pcibot.bot.badinput.BadInputs.OverLimitStream;
import dev.pcibot.bot.badinput.BadInputs.Row;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of {@link BadInputs} through the HTTP API: as the question of {@code GET
 * /api/search?q=} (the row's bytes percent-escaped, so invalid UTF-8 reaches the server as it is),
 * and as a paste to {@code POST /api/diagnose} in each of its three forms: a text/plain body, JSON
 * {@code {"text": ...}} and a multipart file upload. Each answer is a 200 or a 4xx in the API's
 * JSON error shape with the row's words, never a 5xx or a stack trace. The paste limit is set to
 * 4 MiB here so the over-limit row stays small; it is streamed, and refused before it is read
 * through.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpDoorTest {
    private static final long LIMIT = 4L * BadInputs.MEGABYTE;
    private static final List<String> INTERNALS = List.of("Exception", "\tat ", "dev.pcibot", "java.", "jackson", "netty");

    private EmbeddedServer server;
    private JsonMapper json;
    private final HttpClient http = HttpClient.newHttpClient();
    private String cleanFirstSection;

    @BeforeAll
    void start() throws Exception {
        server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "pcibot.max-paste-bytes", String.valueOf(LIMIT),
                "api.rate-limit.requests", "100000"), Environment.TEST);
        json = server.getApplicationContext().getBean(JsonMapper.class);
        Answer clean = search(BadInputs.CLEAN_QUESTION.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, clean.status(), clean.body());
        cleanFirstSection = firstSection(clean);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    record Answer(int status, String body, JsonNode json) {}

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pcibot.bot.badinput.BadInputs#questions")
    void searchAnswersEveryRow(Row row) throws Exception {
        Answer answer = search(row.question().bytes());
        Expect expect = row.asQuestion();
        if (expect.outcome() == Outcome.REFUSED) {
            assertRefused(answer, expect.says());
            return;
        }
        assertEquals(200, answer.status(), answer.body());
        assertTrue(answer.json().get("answered") != null && answer.json().get("hits").isArray(), answer.body());
        if (!expect.says().isEmpty()) {
            assertTrue(sections(answer).contains(cleanFirstSection),
                    "answers like '" + expect.says() + "' (its best section among the hits): " + answer.body());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pcibot.bot.badinput.BadInputs#pastes")
    void diagnoseAsTextPlainAnswersEveryRow(Row row) throws Exception {
        check(row, "text/plain", new byte[0], row.paste().bytes(), new byte[0]);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pcibot.bot.badinput.BadInputs#pastes")
    void diagnoseAsJsonAnswersEveryRow(Row row) throws Exception {
        check(row, "application/json", ascii("{\"text\": \""),
                JsonText.escape(row.paste().text()).getBytes(StandardCharsets.US_ASCII), ascii("\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pcibot.bot.badinput.BadInputs#pastes")
    void diagnoseAsMultipartFileAnswersEveryRow(Row row) throws Exception {
        String boundary = "----badinput" + Long.toHexString(System.nanoTime());
        byte[] head = ascii("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"dmesg.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n");
        check(row, "multipart/form-data; boundary=" + boundary, head, row.paste().bytes(),
                ascii("\r\n--" + boundary + "--\r\n"));
    }

    /**
     * Posts {@code prefix + paste + suffix}; the over-limit row instead streams {@code prefix} and
     * 16 times the limit of log lines, which must be refused with a 413 naming the limit before
     * half of it was sent.
     */
    private void check(Row row, String contentType, byte[] prefix, byte[] paste, byte[] suffix) throws Exception {
        Expect expect = row.asPaste();
        Answer answer;
        if (row.overLimit()) {
            OverLimitStream generated = new OverLimitStream(LIMIT * 16);
            StreamingPost.Result result = StreamingPost.send(server.getPort(), "/api/diagnose", contentType, prefix, generated);
            assertTrue(result.sent() < LIMIT * 8, "refused before the body was read through: " + result.sent() + " bytes sent");
            answer = new Answer(result.status(), result.body(), json.readValue(result.body(), JsonNode.class));
            assertEquals(413, answer.status(), answer.body());
            assertTrue(answer.json().get("error").getStringValue().contains("4 MiB"), "the limit in the message: " + answer.body());
        } else {
            answer = post(contentType, BodyPublishers.ofByteArray(BadInputs.concat(BadInputs.concat(prefix, paste), suffix)));
        }
        if (expect.outcome() == Outcome.REFUSED) {
            assertRefused(answer, expect.says());
            return;
        }
        assertEquals(200, answer.status(), answer.body().substring(0, Math.min(500, answer.body().length())));
        assertTrue(answer.json().get("findings").isArray(), answer.body());
        if (!expect.says().isEmpty()) {
            List<String> ids = new ArrayList<>();
            answer.json().get("findings").values().forEach(f -> ids.add(f.get("id").getStringValue()));
            assertTrue(ids.contains(expect.says()), expect.says() + " in " + ids);
        }
    }

    private void assertRefused(Answer answer, String says) {
        assertTrue(answer.status() >= 400 && answer.status() < 500, answer.status() + " " + answer.body());
        String error = answer.json().get("error").getStringValue();
        assertEquals(answer.status(), answer.json().get("status").getIntValue());
        assertTrue(error.toLowerCase().contains(says.toLowerCase()), "'" + says + "' in: " + error);
        for (String internal : INTERNALS) {
            assertFalse(error.contains(internal), "'" + internal + "' in: " + error);
        }
    }

    private Answer search(byte[] question) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create(server.getURL() + "/api/search?q=" + percentEscaped(question))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return answer(response);
    }

    private Answer post(String contentType, BodyPublisher body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/api/diagnose"))
                .header("Content-Type", contentType).POST(body).build(), HttpResponse.BodyHandlers.ofString());
        return answer(response);
    }

    private Answer answer(HttpResponse<String> response) throws IOException {
        assertTrue(response.statusCode() < 500, response.statusCode() + " " + response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                response.headers().toString());
        return new Answer(response.statusCode(), response.body(), json.readValue(response.body(), JsonNode.class));
    }

    private static List<String> sections(Answer answer) {
        List<String> ids = new ArrayList<>();
        answer.json().get("hits").values().forEach(h -> ids.add(h.get("sectionId").getStringValue()));
        return ids;
    }

    private static String firstSection(Answer answer) {
        JsonNode hits = answer.json().get("hits");
        return hits.size() == 0 ? "(no hit)" : hits.get(0).get("sectionId").getStringValue();
    }

    /** Every byte that is not a plain letter or digit as %XX, so the server gets exactly these bytes. */
    static String percentEscaped(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** JSON string escaping by hand, so lone surrogates go out as the {@code \\uD800} a client would write. */
    static final class JsonText {
        private JsonText() {}

        static String escape(String s) {
            StringBuilder b = new StringBuilder(s.length() + 16);
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '"' || c == '\\') {
                    b.append('\\').append(c);
                } else if (c >= 0x20 && c < 0x7F) {
                    b.append(c);
                } else {
                    b.append(String.format("\\u%04x", (int) c));
                }
            }
            return b.toString();
        }
    }
}
