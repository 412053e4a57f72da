package dev.pcibot.bot.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pcibot.bot.ServiceProcess;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second service started on the data folder of a running one refuses to start, naming the folder,
 * the process that holds it and the setting to change; the first keeps its index (the same folder,
 * not rebuilt) and its database (a conversation it stored is still there). The CLI beside it is
 * not refused.
 */
class TwoServicesOneDataFolderTest {
    @TempDir
    Path work;

    @Test
    void theSecondServiceRefusesAndTheFirstKeepsItsIndexAndData() {
        IndexFolder index = new IndexFolder(work.resolve("data/index"));
        try (ServiceProcess first = ServiceProcess.start(work, Map.of())) {
            first.awaitOutput("Knowledge base ready: .*");
            first.awaitOutput("pcibot listening on"); // the index may be ready before the server listens
            HttpResponse<String> created = first.post("/api/conversations", "{\"device\":\"RX 580\"}");
            assertEquals(201, created.statusCode(), created.body());
            Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(created.body());
            assertTrue(id.find(), created.body());
            String inUse = index.current().orElseThrow();
            // when a second service starts on the same folder (another port)
            try (ServiceProcess second = ServiceProcess.start(work, Map.of())) {
                // then it stops at once and says why
                assertNotEquals(0, second.awaitExit(), second.output());
                String refusal = second.awaitOutput("Another pcibot service .*").group();
                assertTrue(refusal.contains("pid " + first.pid()) && refusal.contains(work.resolve("data").toString())
                        && refusal.contains("kb.data-dir (PCIBOT_DATA_DIR)"), refusal);
                assertTrue(!second.output().contains("Knowledge base ready"), "it opened no index:\n" + second.output());
            }
            // and the first is unharmed
            assertEquals(inUse, index.current().orElseThrow());
            assertEquals(1, index.builds().size(), index.builds().toString());
            HttpResponse<String> search = first.get("/api/search?q=how+do+I+enable+the+IOMMU");
            assertEquals(200, search.statusCode(), search.body());
            assertEquals(200, first.get("/api/conversations/" + id.group(1)).statusCode());
            try (ServiceProcess cli = ServiceProcess.start(work, Map.of(), "index")) {
                assertEquals(0, cli.awaitExit(), cli.output());
                assertTrue(cli.output().contains("already up to date"), cli.output());
            }
        }
    }
}
