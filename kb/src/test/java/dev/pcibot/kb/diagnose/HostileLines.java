package dev.pcibot.kb.diagnose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * Adversarial inputs of a requested size grown from real lines: the lines of the samples under test
 * resources samples/ with their spaces turned into long runs (an lspci header of 65 KB took 118 s
 * before), padded, or repeated on one line and over many lines.
 */
public final class HostileLines {
    private HostileLines() {}

    /** A few typical lines of one probe's samples: the first non-blank ones and the longest. */
    public static List<String> seeds(String probeDir, int count) {
        Set<String> lines = new LinkedHashSet<>();
        List<String> all = new ArrayList<>();
        for (Path file : files(probeDir)) {
            try {
                for (String line : Files.readString(file, StandardCharsets.UTF_8).split("\r?\n")) {
                    if (!line.isBlank() && !line.contains("# ") && line.length() > 3) {
                        all.add(line);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        all.stream().limit(count / 2).forEach(lines::add);
        all.stream().sorted((a, b) -> b.length() - a.length()).limit(count - lines.size()).forEach(lines::add);
        return List.copyOf(lines);
    }

    /** Named inputs of about {@code n} characters grown from one line. */
    public static Map<String, IntFunction<String>> grownFrom(String line) {
        Map<String, IntFunction<String>> inputs = new LinkedHashMap<>();
        String first = line.strip().split("\\s+")[0];
        long spaces = line.chars().filter(c -> c == ' ').count();
        inputs.put("first space as a run", n -> line.replaceFirst(" ", " ".repeat(Math.max(1, n - line.length()))));
        inputs.put("every space as a run", n -> spaces == 0 ? line + " ".repeat(n)
                : line.replace(" ", " ".repeat((int) Math.max(1, (n - line.length()) / spaces))));
        inputs.put("first space as tabs", n -> line.replaceFirst(" ", "\t".repeat(Math.max(1, n - line.length()))));
        inputs.put("trailing spaces", n -> line + " ".repeat(Math.max(0, n - line.length())));
        inputs.put("leading spaces", n -> " ".repeat(Math.max(0, n - line.length())) + line);
        inputs.put("trailing digits", n -> line + "0".repeat(Math.max(0, n - line.length())));
        inputs.put("first token repeated", n -> GrowthCheck.repeat(first + " ", n));
        inputs.put("line repeated on one line", n -> GrowthCheck.repeat(line + " ", n));
        inputs.put("line repeated over lines", n -> GrowthCheck.repeat(line + "\n", n));
        return inputs;
    }

    private static List<Path> files(String probeDir) {
        URL url = HostileLines.class.getResource("/samples/" + probeDir);
        if (url == null) {
            throw new IllegalStateException("no samples/" + probeDir + " on the test classpath");
        }
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            return files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
