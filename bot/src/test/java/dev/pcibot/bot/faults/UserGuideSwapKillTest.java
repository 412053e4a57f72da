package dev.pcibot.bot.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pcibot.bot.ServiceProcess;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code kill -9} of the service while {@code UserGuideWatcher} re-indexes for a guide dropped into
 * the watched folder, then a restart. After the kill the index in use is the one without the new
 * guide, whole (the next open verifies every checksum and reuses it); after the restart it is the
 * one with it. Never a half of either.
 */
class UserGuideSwapKillTest {
    private static final String GUIDE = """
            # Frobnicator 9000 capture card

            ## Passing the Frobnicator through

            The Frobnicator 9000 capture card loses its firmware on every VM reboot. Reset it from the host
            before starting the VM.
            """;

    @TempDir
    Path work;

    @ParameterizedTest(name = "killed while the new index is {0}")
    @ValueSource(strings = {"writing", "committed"})
    void aSwapKilledMidWayKeepsTheOldIndexWholeAndTheRestartIndexesTheNewGuide(String moment) throws IOException {
        Path guides = Files.createDirectories(work.resolve("guides"));
        Path emptyGuides = Files.createDirectories(work.resolve("no-guides"));
        IndexFolder index = new IndexFolder(work.resolve("data/index"));
        Map<String, String> env = Map.of("KB_USER_GUIDES", guides.toString(), "KB_RELOAD_INTERVAL", "300ms");
        String before;
        // given a service that indexed the empty folder, killed while it re-indexes for a new guide
        try (ServiceProcess service = ServiceProcess.start(work, env)) {
            service.awaitOutput("Knowledge base ready: .*");
            service.awaitOutput("pcibot listening on"); // the index may be ready before the server listens
            before = index.current().orElseThrow();
            IndexFolder.write(guides.resolve("frobnicator.md"), GUIDE);
            BooleanSupplier when = moment.equals("writing") ? index::buildWriting : index::buildCommitted;
            boolean seen = IndexFolder.await(when, service::isAlive, 120_000);
            service.kill();
            assertTrue(seen, "no re-index seen:\n" + service.output());
            assertFalse(service.output().contains("User guides changed: index rebuilt"),
                    "killed before the swap, not after:\n" + service.output());
        }
        // then the old index is still the one named, and it is whole: an open for the same guides reuses it
        assertEquals(before, index.current().orElseThrow());
        try (ServiceProcess cli = ServiceProcess.start(work, Map.of(), "index", "--user-guides", emptyGuides.toString())) {
            assertEquals(0, cli.awaitExit(), cli.output());
            assertTrue(cli.output().contains("already up to date"), cli.output());
        }
        // when the service starts again with the new guide in its folder, it indexes it and answers from it
        try (ServiceProcess service = ServiceProcess.start(work, env)) {
            service.awaitOutput("Knowledge base ready: .*");
            service.awaitOutput("pcibot listening on"); // the index may be ready before the server listens
            HttpResponse<String> search = service.get("/api/search?q=frobnicator+capture+card+firmware");
            assertEquals(200, search.statusCode(), search.body());
            assertTrue(search.body().contains("Frobnicator 9000"), search.body());
        }
        assertEquals(1, index.builds().size(), "the killed build's folder is removed: " + index.builds());
    }
}
