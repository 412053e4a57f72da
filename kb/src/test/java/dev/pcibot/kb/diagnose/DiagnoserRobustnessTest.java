package dev.pcibot.kb.diagnose;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random pastes built from the golden cases' lines, shuffled, cut, wrapped and sprinkled
 * with junk bytes: the diagnosis always answers (or refuses with a message), never throws
 * anything else, and always says something.
 */
final class DiagnoserRobustnessTest {
    private static final Diagnoser DIAGNOSER = Diagnoser.withoutCitations();
    private static final List<String> LINES = goldenLines();

    static LongStream seeds() {
        return LongStream.range(0, 150);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void anyMangledPasteGetsAnAnswer(long seed) {
        Random random = new Random(seed);
        byte[] paste = mangle(random);
        try {
            Diagnosis d = DIAGNOSER.diagnose(new ByteArrayInputStream(paste));
            assertFalse(d.findings().isEmpty(), "a diagnosis always has a finding, none or insufficient-info at least");
            assertFalse(d.parts().isEmpty());
            d.findings().forEach(f -> assertTrue(f.evidence().size() <= 2 * MessageScan.MAX_KEPT, f.id()));
        } catch (InputRejectedException refused) {
            assertFalse(refused.getMessage().isBlank());
        }
    }

    private static byte[] mangle(Random random) {
        StringBuilder s = new StringBuilder();
        for (int i = 1 + random.nextInt(40); i > 0; i--) {
            String line = LINES.get(random.nextInt(LINES.size()));
            switch (random.nextInt(6)) {
                case 0 -> line = line.substring(0, random.nextInt(line.length() + 1)); // trimmed by the user
                case 1 -> line = line.replace("'", "\u2019").replace(" ", "\u00a0"); // chat client quotes, spaces
                case 2 -> line = "\u001b[3" + random.nextInt(8) + "m" + line + "\u001b[0m"; // colours
                case 3 -> line = line.length() > 20 ? line.substring(0, 20) + "\n" + line.substring(20) : line; // wrapped
                default -> { }
            }
            s.append(line).append(random.nextBoolean() ? "\n" : "\r\n");
            if (random.nextInt(10) == 0) {
                s.append("```\n");
            }
        }
        byte[] bytes = s.toString().getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(4) == 0 && bytes.length > 0) {
            bytes[random.nextInt(bytes.length)] = (byte) (0x80 + random.nextInt(0x40)); // broken UTF-8
        }
        return bytes;
    }

    private static List<String> goldenLines() {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/test/resources/diagnose"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                Files.readAllLines(f, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).forEach(lines::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }
}
