package dev.pcibot.kb.diagnose.real;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The real-paste evaluation set: manifest.tsv (file, split, kind, expected, traps, target, source,
 * note) beside the pNNN.txt pastes it names. The columns are described in the manifest's own header
 * and in diagnose/real/README.md.
 */
record RealPasteSet(Path dir, List<Entry> entries) {
    /**
     * One paste with the conclusion an expert signs from it alone.
     *
     * @param expected finding ids that must be reported; empty for a healthy paste ({@code none})
     * @param traps finding ids a naive matcher raises that must NOT be reported
     */
    record Entry(String file, String split, String kind, Set<String> expected, Set<String> traps, String target,
            String source, String note) {
        boolean healthy() {
            return expected.isEmpty();
        }
    }

    static RealPasteSet load(Path dir) {
        List<Entry> entries = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(dir.resolve("manifest.tsv"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int number = 0;
        for (String line : lines) {
            number++;
            if (line.isBlank() || line.startsWith("#") || line.startsWith("file\t")) {
                continue;
            }
            String[] c = line.split("\t", -1);
            if (c.length < 8) {
                throw new IllegalArgumentException("manifest.tsv:" + number + ": expected 8 columns, got " + c.length);
            }
            entries.add(new Entry(c[0], c[1], c[2], ids(c[3]), ids(c[4]), c[5], c[6], c[7]));
        }
        return new RealPasteSet(dir, List.copyOf(entries));
    }

    String text(Entry e) {
        try {
            return Files.readString(dir.resolve(e.file()), StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static Set<String> ids(String column) {
        Set<String> ids = new LinkedHashSet<>();
        Arrays.stream(column.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty() && !s.equals("-") && !s.equals("none"))
                .forEach(ids::add);
        return ids;
    }
}
