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
    /** Single characters whose runs break backtracking regexes (\\s+, \\S+, [^\\]]*, \\d+, .*). */
    static final List<String> UNITS = List.of(" ", "0", "a", ":", "[", "]", "'", ". ", "-", "\t", "(", "=", "#");

    /** Named inputs of a requested size for one row: runs of one character, repeated words. */
    public static java.util.Map<String, IntFunction<String>> forRow(String literal, String regex) {
        java.util.Map<String, IntFunction<String>> inputs = new java.util.LinkedHashMap<>();
        for (String unit : UNITS) {
            inputs.put("literal+'" + unit + "'*n", n -> GrowthCheck.around(literal, unit, "", n));
            inputs.put("'" + unit + "'*n+literal", n -> GrowthCheck.around("", unit, literal, n));
        }
        inputs.put("(literal )*n", n -> GrowthCheck.repeat(literal + " ", n));
        for (String word : words(literal, regex)) {
            inputs.put("literal+('" + word + " ')*n", n -> GrowthCheck.around(literal + " ", word + " ", "", n));
            inputs.put("(literal " + word + " )*n", n -> GrowthCheck.repeat(literal + " " + word + " ", n));
        }
        String all = String.join(" ", words(literal, regex));
        inputs.put("(all words)*n", n -> GrowthCheck.around(literal + " ", all + " ", "", n));
        return inputs;
    }

    /** The words a regex spells out (what a near-match repeats). */
    static Set<String> words(String literal, String regex) {
        Set<String> words = new LinkedHashSet<>();
        for (String w : regex.replaceAll("\\\\[a-zA-Z]", " ").split("[^A-Za-z0-9_/-]+")) {
            if (w.length() >= 2) {
                words.add(w);
            }
        }
        words.remove(literal);
        return words;
    }
}
