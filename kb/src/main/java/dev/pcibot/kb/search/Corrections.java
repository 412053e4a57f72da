package dev.pcibot.kb.search;

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
        static final Corrections BUNDLED = parse(KbAnalyzers.readLines(RESOURCE));
    }

    /** Parses the data lines (comments and blank lines already removed); bad rows fail loudly at start. */
    static Corrections parse(List<String> lines) {
        List<Correction> rows = new ArrayList<>();
        for (String line : lines) {
            if (line.equals(HEADER)) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            if (cols.length != 4 || cols[3].isBlank()) {
                throw new IllegalStateException(RESOURCE + ": expected 4 tab-separated columns: " + line);
            }
            try {
                Pattern wrong = Pattern.compile(cols[2], Pattern.CASE_INSENSITIVE);
                rows.add(new Correction(cols[0].strip(), cols[1].strip(), wrong, cols[3].strip()));
            } catch (PatternSyntaxException e) {
                throw new IllegalStateException(RESOURCE + ": bad pattern " + cols[2] + ": " + e.getDescription(), e);
            }
        }
        return new Corrections(rows);
    }

    List<Correction> rows() {
        return rows;
    }

    /** The rows that apply to a section, in file order. */
    List<Correction> matching(StoredSection section) {
        return rows.stream().filter(c -> c.appliesTo(section)).toList();
    }
}
