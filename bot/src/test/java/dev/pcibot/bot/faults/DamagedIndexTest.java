package dev.pcibot.bot.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pcibot.bot.ServiceProcess;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A service started on a damaged index folder (garbage over the segment files, the commit point
 * deleted) says in one warning which folder was unusable and why, rebuilds, and answers; on a
 * read-only index folder it serves the index in it and says that nothing can be rebuilt, or, with
 * no index in it, answers 503 naming the cause and what to do.
 */
class DamagedIndexTest {
    private static final String SEARCH = "/api/search?q=how+do+I+enable+the+IOMMU";

    @TempDir
    Path work;

    private IndexFolder builtIndex() {
        try (ServiceProcess cli = ServiceProcess.start(work, Map.of(), "index")) {
            assertEquals(0, cli.awaitExit(), cli.output());
        }
        return new IndexFolder(work.resolve("data/index"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"garbage segments", "no segments_N"})
    void aDamagedIndexIsNamedInTheLogRebuiltAndServed(String damage) throws IOException {
        // given an index whose files are damaged
        IndexFolder index = builtIndex();
        Path folder = index.builds().getFirst();
        Random random = new Random(3);
        for (String name : IndexFolder.files(folder)) {
            Path file = folder.resolve(name);
            if (damage.equals("no segments_N") && name.startsWith("segments_")) {
                Files.delete(file);
            } else if (damage.equals("garbage segments") && !name.equals("write.lock")) {
                byte[] garbage = new byte[(int) Files.size(file)];
                random.nextBytes(garbage);
                Files.write(file, garbage);
            }
        }
        // when the service starts on it
        try (ServiceProcess service = ServiceProcess.start(work, Map.of())) {
            // then the log says what was wrong, the index is rebuilt, and searches answer
            String warning = service.awaitOutput("The index on disk could not be used and was rebuilt: .*").group();
            assertTrue(warning.contains(folder.getFileName().toString()) && warning.contains(
                    damage.equals("no segments_N") ? "holds no committed index" : "is damaged"), warning);
            service.awaitOutput("Knowledge base ready: .*built in");
            service.awaitOutput("pcibot listening on"); // the index may be ready before the server listens
            HttpResponse<String> search = service.get(SEARCH);
            assertEquals(200, search.statusCode(), search.body());
            assertTrue(search.body().contains("\"answered\":true"), search.body());
        }
        assertEquals(1, index.builds().size(), index.builds().toString());
    }

    @Test
    void aReadOnlyIndexFolderWithAnIndexIsServedAsItIsAndTheLogSaysSo() {
        Mounts.requireRoot("a read-only index folder");
        IndexFolder index = builtIndex();
        try (Mounts readOnly = Mounts.readOnly(index.root());
                ServiceProcess service = ServiceProcess.start(work, Map.of())) {
            String warning = service.awaitOutput("The index folder cannot be written: .*").group();
            assertTrue(warning.contains("read-only") && warning.contains("kb.data-dir"), warning);
            service.awaitOutput("Knowledge base ready: .*reused");
            service.awaitOutput("pcibot listening on"); // the index may be ready before the server listens
            HttpResponse<String> search = service.get(SEARCH);
            assertEquals(200, search.statusCode(), search.body());
            assertTrue(search.body().contains("\"answered\":true"), search.body());
        }
    }

    @Test
    void aReadOnlyIndexFolderWithoutAnIndexAnswers503WithTheCauseAndTheFix() throws IOException {
        Mounts.requireRoot("a read-only index folder");
        Path root = Files.createDirectories(work.resolve("data/index"));
        try (Mounts readOnly = Mounts.readOnly(root);
                ServiceProcess service = ServiceProcess.start(work, Map.of())) {
            String error = service.awaitOutput("Knowledge base unavailable, requests answer 503.*").group();
            service.awaitOutput("pcibot listening on");
            assertTrue(error.contains(root.toString()) && error.contains("Read-only file system"), error);
            HttpResponse<String> search = service.get(SEARCH);
            assertEquals(503, search.statusCode(), search.body());
            assertTrue(search.body().contains("read-only file system and holds no usable index to serve; make it"
                    + " writable so the index can be built"), search.body());
            assertEquals(503, service.get("/api/health").statusCode());
            assertEquals(200, service.get("/").statusCode(), "the web page still loads");
        }
    }
}
