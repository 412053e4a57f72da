package dev.pcibot.ingest;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;

/**
 * Turns a table into lines a reader (and the search index) can take in one at a time: each row
 * becomes {@code header: value; header: value}, so a cell never loses the column it belongs to.
 *
 * <pre>
 * | class    | device | id           |        class: 0x010601; device: 0xa282; id: 0000:00:17.0
 * | 0x010601 | 0xa282 | 0000:00:17.0 |   -&gt;
 * </pre>
 */
final class TableRows {

    private TableRows() {}

    static String read(Element table) {
        List<List<String>> rows = new ArrayList<>();
        for (Element row : table.select("tr")) {
            List<String> cells = new ArrayList<>();
            for (Element cell : row.select("> th, > td")) {
                cells.add(HeadingText.withoutSymbols(cell.text()).strip());
            }
            rows.add(cells);
        }
        return format(rows);
    }

    /** Formats rows whose first row is the header. Empty rows are dropped. */
    static String format(List<List<String>> rows) {
        if (rows.isEmpty()) {
            return "";
        }
        List<String> header = rows.get(0);
        boolean hasHeader = header.stream().anyMatch(cell -> !cell.isEmpty());
        StringBuilder text = new StringBuilder();
        for (List<String> row : rows.subList(hasHeader ? 1 : 0, rows.size())) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                String value = row.get(i);
                if (value.isEmpty()) {
                    continue;
                }
                String name = hasHeader && i < header.size() ? header.get(i) : "";
                parts.add(name.isEmpty() ? value : name + ": " + value);
            }
            if (!parts.isEmpty()) {
                text.append(String.join("; ", parts)).append('\n');
            }
        }
        return text.toString().stripTrailing();
    }
}
