package dev.pcibot.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the project's tab-separated data files (guide hints, the manifest, the diagnosis and search
 * tables) into numbered rows, so each reader keeps only its own checks:
 *
 * <pre>
 * # a comment, skipped like blank lines
 * 1002:67df	amd-reset-bug	Polaris 10	resets badly
 * </pre>
 *
 * Lines end with {@code \n}, {@code \r\n} or {@code \r}; line numbers count every line, comments and
 * blanks included, so an error points at the line an editor shows.
 */
public final class TsvRows {

    private TsvRows() {}

    /**
     * One data line.
     *
     * @param source the file, for error messages ({@code content/diagnose/patterns.tsv})
     * @param line its 1-based line number
     * @param cells every cell, trailing empty ones included ({@code split("\t", -1)})
     */
    public record Row(String source, int line, List<String> cells) {
        public Row {
            cells = List.copyOf(cells);
        }

        /** The cell at this index. */
        public String cell(int index) {
            return cells.get(index);
        }

        /**
         * The cells without the trailing empty ones, as {@code String.split("\t")} gives them: a
         * stray tab at the end of a line does not add a column.
         */
        public List<String> filled() {
            int end = cells.size();
            while (end > 0 && cells.get(end - 1).isEmpty()) {
                end--;
            }
            return cells.subList(0, end);
        }

        /** The line as written. */
        public String text() {
            return String.join("\t", cells);
        }

        /** {@code source:line: }, the prefix of every message about this row. */
        public String where() {
            return source + ":" + line + ": ";
        }

        /** An error to throw, with the message {@code source:line: why}. */
        public IllegalStateException fail(String why) {
            return new IllegalStateException(where() + why);
        }

        /** As {@link #fail(String)}, keeping the cause. */
        public IllegalStateException fail(String why, Throwable cause) {
            return new IllegalStateException(where() + why, cause);
        }
    }

    /** The data rows of a text: blank lines and lines starting with {@code #} left out. */
    public static List<Row> parse(String text, String source) {
        List<Row> rows = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            rows.add(new Row(source, i + 1, List.of(line.split("\t", -1))));
        }
        return List.copyOf(rows);
    }

    /** As {@link #parse}, reading the reader to its end (the caller closes it). */
    public static List<Row> read(Reader reader, String source) throws IOException {
        StringWriter text = new StringWriter();
        reader.transferTo(text);
        return parse(text.toString(), source);
    }

    /** As {@link #parse}, reading UTF-8 from the stream to its end (the caller closes it). */
    public static List<Row> read(InputStream in, String source) throws IOException {
        return read(new InputStreamReader(in, StandardCharsets.UTF_8), source);
    }
}
