package dev.pcibot.bot.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pcibot.bot.ServiceProcess;
import dev.pcibot.bot.store.TestPostgres;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL behind a {@link CuttableProxy}: unreachable when the service starts, back later, then
 * gone in the middle of a conversation and back again. Search and diagnosis answer throughout; the
 * conversation API answers 503 saying nothing was saved while the database is away (never a bare
 * 500, never a half-stored step); the service migrates and works again once it returns, without a
 * restart; and what was stored is all there, once.
 */
class DatabaseOutageTest {
    private static final Pattern URL = Pattern.compile("jdbc:postgresql://(?:127\\.0\\.0\\.1|localhost):(\\d+)(/.*)");
    /** A start whose first step asks for a probe (the symptom is given). */
    private static final String START = "{\"vmid\":\"100\",\"symptom\":\"setup\"}";
    private static final Pattern FIELD = Pattern.compile("\"(id|step|probe)\":\"?([^\",]+)");

    @TempDir
    Path work;

    @Test
    void unreachableAtStartThenBackThenGoneMidConversationThenBackAgain() throws Exception {
        TestPostgres pg = TestPostgres.emptied();
        Matcher url = URL.matcher(pg.url());
        assertTrue(url.matches(), "a URL with a port: " + pg.url());
        try (CuttableProxy proxy = CuttableProxy.to(Integer.parseInt(url.group(1)));
                ServiceProcess service = ServiceProcess.start(work, Map.of(
                        "DATASOURCES_DEFAULT_URL", "jdbc:postgresql://127.0.0.1:" + proxy.port() + url.group(2),
                        "DATASOURCES_DEFAULT_USERNAME", pg.user(),
                        "DATASOURCES_DEFAULT_PASSWORD", pg.password()))) {
            // given a database that does not answer at start
            service.awaitOutput("Database 'default' not reachable or not migrated .*");
            service.awaitOutput("pcibot listening on");
            // then search and diagnosis work, and the conversation API says what is wrong
            HttpResponse<String> search = service.get("/api/search?q=how+do+I+enable+the+IOMMU");
            assertEquals(200, search.statusCode(), search.body());
            HttpResponse<String> diagnosis = service.post("/api/diagnose", "{\"text\":\"DMAR: IOMMU enabled\"}");
            assertEquals(200, diagnosis.statusCode(), diagnosis.body());
            assertDatabaseDown(service.post("/api/conversations", "{}"));
            // when it comes back, the service migrates it and conversations work
            proxy.restore();
            service.awaitOutput("Database 'default' reachable again and migrated.*");
            HttpResponse<String> created = service.post("/api/conversations", START);
            assertEquals(201, created.statusCode(), created.body());
            Map<String, String> first = fields(created.body());
            String id = first.get("id");
            int step = Integer.parseInt(first.get("step"));
            String answer = "{\"step\":" + step + ",\"cannot\":\"" + first.get("probe") + "\"}";
            // when it goes away in the middle of the conversation
            proxy.cut();
            assertDatabaseDown(service.post("/api/conversations/" + id + "/answers", answer));
            // then, once it is back, the step was not half-taken: the same answer is taken now, once
            proxy.restore();
            HttpResponse<String> unchanged = untilOk(() -> service.get("/api/conversations/" + id), service);
            assertEquals(Integer.toString(step), fields(unchanged.body()).get("step"), unchanged.body());
            HttpResponse<String> answered = service.post("/api/conversations/" + id + "/answers", answer);
            assertEquals(200, answered.statusCode(), answered.body());
            assertEquals(Integer.toString(step + 1), fields(answered.body()).get("step"), answered.body());
            assertTrue(service.output().contains("Database unavailable, request answered 503"), service.output());
            try (Connection c = pg.dataSource().getConnection();
                    PreparedStatement ps = c.prepareStatement(
                            "SELECT count(*) FROM conversation_answer WHERE conversation_id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(1, rs.getInt(1), "the answer is stored once");
                }
            }
        }
    }

    /**
     * The first request after the database returns may still meet a pooled connection the cut broke
     * (Hikari checks a connection only after 500 ms idle): it is told so (503) and the next one works.
     */
    private static HttpResponse<String> untilOk(java.util.function.Supplier<HttpResponse<String>> request,
            ServiceProcess service) {
        HttpResponse<String> last = request.get();
        for (int i = 0; i < 20 && last.statusCode() != 200; i++) {
            assertDatabaseDown(last);
            sleep(500);
            last = request.get();
        }
        assertEquals(200, last.statusCode(), last.body() + "\n" + service.output());
        return last;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void assertDatabaseDown(HttpResponse<String> response) {
        assertEquals(503, response.statusCode(), response.body());
        assertTrue(response.body().contains("The database is not available") && response.body().contains(
                "nothing was saved") && response.body().contains("try this again in a moment"), response.body());
    }

    /** The first id, step and probe of a conversation view. */
    private static Map<String, String> fields(String json) {
        Map<String, String> out = new java.util.HashMap<>();
        Matcher m = FIELD.matcher(json);
        while (m.find()) {
            out.putIfAbsent(m.group(1), m.group(2));
        }
        return out;
    }
}
