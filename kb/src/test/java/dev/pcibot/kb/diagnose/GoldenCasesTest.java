package dev.pcibot.kb.diagnose;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every golden case through the {@link Diagnoser}: diagnose/cases/id/fires-*.txt must produce
 * that id, quiet-*.txt must not, and diagnose/healthy/*.txt must produce nothing worse than info.
 * Prints per-id coverage (how many firing and quiet cases each id has) after the run.
 */
final class GoldenCasesTest {
    private static final Diagnoser DIAGNOSER = Diagnoser.withoutCitations();
    private static final Map<String, int[]> COVERAGE = new TreeMap<>();

    @TestFactory
    Stream<DynamicTest> everyCaseFiresOrStaysQuiet() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path dir : list(resource("/diagnose/cases"))) {
            String id = dir.getFileName().toString();
            for (Path file : list(dir)) {
                String name = file.getFileName().toString();
                boolean fires = name.startsWith("fires-");
                if (!fires && !name.startsWith("quiet-")) {
                    continue;
                }
                COVERAGE.computeIfAbsent(id, k -> new int[2])[fires ? 0 : 1]++;
                tests.add(DynamicTest.dynamicTest(id + "/" + name, () -> check(id, file, fires)));
            }
        }
        return tests.stream();
    }

    private static void check(String id, Path file, boolean fires) throws IOException {
        Diagnosis d = DIAGNOSER.diagnose(Files.readString(file, StandardCharsets.UTF_8));
        List<String> ids = d.findings().stream().map(Finding::id).toList();
        if (fires) {
            assertTrue(ids.contains(id), file.getFileName() + " should produce " + id + " but produced " + ids
                    + " from parts " + d.parts());
        } else {
            assertFalse(ids.contains(id), file.getFileName() + " should not produce " + id + ", evidence: "
                    + d.findings().stream().filter(f -> f.id().equals(id)).map(Finding::evidence).toList());
        }
    }

    @TestFactory
    Stream<DynamicTest> healthyOutputRaisesNoAlarm() {
        return list(resource("/diagnose/healthy")).stream()
                .filter(f -> f.getFileName().toString().endsWith(".txt"))
                .map(file -> DynamicTest.dynamicTest("healthy/" + file.getFileName(), () -> {
                    Diagnosis d = DIAGNOSER.diagnose(Files.readString(file, StandardCharsets.UTF_8));
                    List<Finding> alarms = d.findings().stream()
                            .filter(f -> f.severity() != Severity.INFO).toList();
                    assertTrue(alarms.isEmpty(), file.getFileName() + " raised " + alarms.stream()
                            .map(f -> f.id() + " " + f.evidence()).toList());
                }));
    }

    @AfterAll
    static void printCoverage() {
        StringBuilder out = new StringBuilder("Golden case coverage (id: firing/quiet)\n");
        COVERAGE.forEach((id, n) -> out.append(String.format("  %-34s %d/%d%n", id, n[0], n[1])));
        System.out.print(out);
    }

    private static Path resource(String name) {
        URL url = GoldenCasesTest.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException(name + " missing from test resources");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
