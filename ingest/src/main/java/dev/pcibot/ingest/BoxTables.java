package dev.pcibot.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Finds tables drawn with box characters (as {@code pvesh} prints them, and as the wiki clip and
 * dump keep them) and rewrites each one: as a GFM pipe table for Markdown, or as readable rows
 * ({@link TableRows}) for text dumps.
 *
 * <pre>
 * ┌──────────┬────────┐
 * │ class    │ device │        | class | device |
 * ╞══════════╪════════╡   -&gt;   | --- | --- |
 * │ 0x010601 │ 0xa282 │        | 0x010601 | 0xa282 |
 * </pre>
 */
final class BoxTables {

    private BoxTables() {}

    /** Rewrites every box table as a GFM pipe table. */
    static String toMarkdown(String text) {
        return rewrite(text, rows -> {
            List<String> out = new ArrayList<>();
            out.add("");
            out.add(pipeRow(rows.get(0)));
            out.add(pipeRow(rows.get(0).stream().map(cell -> "---").toList()));
            rows.subList(1, rows.size()).forEach(row -> out.add(pipeRow(row)));
            out.add("");
            return out;
        });
    }

    /** Rewrites every box table as {@code header: value; ...} lines. */
    static String toRows(String text) {
        return rewrite(text, rows -> List.of(TableRows.format(rows).split("\n")));
    }

    private static String rewrite(String text, Function<List<List<String>>, List<String>> writer) {
        List<String> lines = text.lines().toList();
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            if (!isTableLine(lines.get(i))) {
                out.add(lines.get(i++));
                continue;
            }
            List<List<String>> rows = new ArrayList<>();
            while (i < lines.size() && isTableLine(lines.get(i))) {
                String line = lines.get(i++).strip();
                if (line.startsWith("│")) {
                    rows.add(cells(line));
                }
            }
            // A column of lone dots after a table marks rows left out, nothing to read.
            while (i < lines.size() && lines.get(i).strip().equals(".")) {
                i++;
            }
            if (!rows.isEmpty()) {
                out.addAll(writer.apply(rows));
            }
        }
        return String.join("\n", out);
    }

    private static boolean isTableLine(String line) {
        String trimmed = line.strip();
        return !trimmed.isEmpty() && "│┌├╞└╘╟┝".indexOf(trimmed.charAt(0)) >= 0;
    }

    private static List<String> cells(String row) {
        List<String> cells = new ArrayList<>(Arrays.stream(row.split("│", -1)).map(String::strip).toList());
        cells.remove(0); // before the first bar
        if (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
            cells.remove(cells.size() - 1);
        }
        return cells;
    }

    private static String pipeRow(List<String> cells) {
        return "| " + String.join(" | ", cells.stream().map(c -> c.replace("|", "\\|")).toList()) + " |";
    }
}
