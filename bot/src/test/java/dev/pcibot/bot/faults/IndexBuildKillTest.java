package dev.pcibot.bot.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pcibot.bot.ServiceProcess;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code kill -9} of the CLI {@code index} verb or of the service while the index is being built,
 * at the moments a build passes through (segments being written; committed but not yet named by
 * {@code current}), then a restart: it finds a complete index, or no index and builds one, never
 * a half-written one, and answers a search. A kill during a rebuild leaves the previous index in use.
 */
class IndexBuildKillTest {
    private static final String QUESTION = "how do I enable the IOMMU";

    @TempDir
    Path work;

    private IndexFolder index() {
        return new IndexFolder(work.resolve("data/index"));
    }

    @ParameterizedTest(name = "killed while {0}")
    @ValueSource(strings = {"writing", "committed"})
    void aFirstBuildKilledMidWayIsReplacedByACompleteOneAtTheNextRun(String moment) {
        // given a first build killed at the moment
        IndexFolder index = index();
        killAt(moment.equals("writing") ? index::buildWriting : index::buildCommitted, "index");
        if (moment.equals("writing")) {
            assertEquals(Optional.empty(), index.current(), "segments still being written: no index named yet");
        }
        // when the next run searches
        try (ServiceProcess search = ServiceProcess.start(work, Map.of(), "search", "--json", QUESTION)) {
            // then it answers from a complete index and the killed build's folder is gone
            assertEquals(0, search.awaitExit(), search.output());
            assertTrue(search.output().contains("\"answered\":true"), search.output());
        }
        assertEquals(1, index.builds().size(), "only the index in use remains: " + index.builds());
        assertEquals(index.builds().getFirst().getFileName().toString(), index.current().orElseThrow());
    }

    @Test
    void aRebuildKilledMidWayLeavesThePreviousIndexInUseAndIntact() {
        // given a complete index of the bundled guides
        IndexFolder index = index();
        try (ServiceProcess first = ServiceProcess.start(work, Map.of(), "index")) {
            assertEquals(0, first.awaitExit(), first.output());
        }
        String before = index.current().orElseThrow();
        // when a rebuild for other guides is killed while it writes
        IndexFolder.write(work.resolve("guides/extra.md"), "# Extra\n\n## Frobnicator reset\n\nThe frobnicator needs a reset.\n");
        killAt(index::buildWriting, "index", "--user-guides", work.resolve("guides").toString());
        // then the previous index is still the one named, and it verifies: the next run reuses it
        assertEquals(before, index.current().orElseThrow());
        try (ServiceProcess again = ServiceProcess.start(work, Map.of(), "index")) {
            assertEquals(0, again.awaitExit(), again.output());
            assertTrue(again.output().contains("already up to date"), again.output());
        }
        assertEquals(1, index.builds().size(), "the killed build's folder is removed: " + index.builds());
    }

    @Test
    void aServiceKilledWhileBuildingAtStartAnswersAfterItsRestart() {
        // given a service killed while its first build writes
        IndexFolder index = index();
        killAt(index::buildWriting);
        // when it starts again
        try (ServiceProcess service = ServiceProcess.start(work, Map.of())) {
            service.awaitOutput("Knowledge base ready: .*");
            service.awaitOutput("pcibot listening on"); // the index may be ready before the server listens
            HttpResponse<String> search = service.get("/api/search?q=" + QUESTION.replace(' ', '+'));
            // then it built a complete index and answers from it
            assertEquals(200, search.statusCode(), search.body());
            assertTrue(search.body().contains("\"answered\":true"), search.body());
        }
        assertEquals(1, index.builds().size(), index.builds().toString());
    }

    /** Starts the process with {@code args}, kills it with SIGKILL the moment {@code when} holds. */
    private void killAt(BooleanSupplier when, String... args) {
        try (ServiceProcess process = ServiceProcess.start(work, Map.of(), args)) {
            boolean seen = IndexFolder.await(when, process::isAlive, 120_000);
            boolean alive = process.isAlive();
            process.kill();
            assertTrue(seen && alive, "the moment to kill at never came while it ran:\n" + process.output());
        }
    }

}
