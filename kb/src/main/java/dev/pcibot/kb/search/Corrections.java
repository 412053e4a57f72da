package dev.pcibot.kb.search;

import dev.pcibot.ingest.TsvRows;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The known errors of the community guides, read from {@code content/search/corrections.tsv}. A
 * section with a known error is never served as advice: its hit loses the wrong commands, shows
 * the wrong lines struck through, ranks lower, and carries the official guide's version in
 * {@link SearchHit#correction()}.
 */
final class Corrections {
    static final String RESOURCE = "content/search/corrections.tsv";
    private static final String HEADER = "guide\theading\twrong\tcorrection";

    private final List<Correction> rows;

    Corrections(List<Correction> rows) {
        this.rows = List.copyOf(rows);
    }

    static Corrections bundled() {
        return Holder.BUNDLED;
    }

    private static final class Holder {
        static final Corrections BUNDLED = fromRows(KbAnalyzers.readRows(RESOURCE));
    }

    /** Parses data lines (as in the file, without comments); bad rows fail loudly at start. */
    static Corrections parse(List<String> lines) {
        return fromRows(TsvRows.parse(String.join("\n", lines), RESOURCE));
    }

    private static Corrections fromRows(List<TsvRows.Row> rows) {
        List<Correction> corrections = new ArrayList<>();
        for (TsvRows.Row row : rows) {
            if (row.text().strip().equals(HEADER)) {
                continue;
            }
            List<String> cols = row.filled();
            if (cols.size() != 4 || cols.get(3).isBlank()) {
                throw row.fail("expected 4 tab-separated columns: " + row.text());
            }
            try {
                Pattern wrong = Pattern.compile(cols.get(2), Pattern.CASE_INSENSITIVE);
                corrections.add(new Correction(cols.get(0).strip(), cols.get(1).strip(), wrong, cols.get(3).strip()));
            } catch (PatternSyntaxException e) {
                throw row.fail("bad pattern " + cols.get(2) + ": " + e.getDescription(), e);
            }
        }
        return new Corrections(corrections);
    }

    List<Correction> rows() {
        return rows;
    }

    /** The rows that apply to a section, in file order. */
    List<Correction> matching(StoredSection section) {
        return rows.stream().filter(c -> c.appliesTo(section)).toList();
    }
}
