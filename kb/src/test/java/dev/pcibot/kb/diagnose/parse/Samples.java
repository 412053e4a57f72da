package dev.pcibot.kb.diagnose.parse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the raw pastes under test resources samples/ (kept as files, never as string constants).
 */
final class Samples {
    private Samples() {}

    /** The text of {@code samples/<name>}, e.g. {@code lspci-nnk/grep-vga.txt}, bytes untouched. */
    static String read(String name) {
        try {
            return Files.readString(dir("").resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every sample file name of one probe folder ({@code lspci-nnk/...}), sorted. */
    static List<String> list(String probeDir) {
        try (Stream<Path> files = Files.list(dir(probeDir))) {
            return files.filter(p -> !p.getFileName().toString().equals("SOURCES.md"))
                    .map(p -> probeDir + "/" + p.getFileName())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path dir(String sub) {
        URL url = Samples.class.getResource("/samples/" + sub);
        if (url == null) {
            throw new IllegalStateException("no samples/" + sub + " on the test classpath");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
