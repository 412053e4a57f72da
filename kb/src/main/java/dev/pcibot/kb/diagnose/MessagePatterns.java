package dev.pcibot.kb.diagnose;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.pcibot.ingest.TsvRows;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The message pattern table, loaded from content/diagnose/patterns.tsv on the class path. Rows are
 * compiled with RE2/J (see {@link MessagePattern}): a row that needs a backtracking feature
 * (lookaround, back-references) fails to load, so a slow row cannot be added by accident.
 */
final class MessagePatterns {
    static final String RESOURCE = "/content/diagnose/patterns.tsv";

    private MessagePatterns() {}

    /** The bundled table; a broken row is a build error, so it fails loudly with its line number. */
    static List<MessagePattern> load() {
        try (InputStream in = MessagePatterns.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<MessagePattern> parse(BufferedReader reader) throws IOException {
        List<MessagePattern> rows = new ArrayList<>();
        for (TsvRows.Row row : TsvRows.read(reader, RESOURCE)) {
            List<String> cols = row.filled();
            if (cols.size() < 3) {
                throw row.fail("expected target, literal, regex");
            }
            rows.add(row(row, cols));
        }
        return List.copyOf(rows);
    }

    private static MessagePattern row(TsvRows.Row row, List<String> cols) {
        String where = row.where();
        Pattern regex;
        try {
            regex = Pattern.compile(cols.get(2));
        } catch (PatternSyntaxException e) {
            throw row.fail(e.getDescription(), e);
        }
        int min = 1;
        @Nullable Probe ask = null;
        if (cols.size() > 3) {
            for (String option : cols.get(3).trim().split("\\s+")) {
                if (option.startsWith("min=")) {
                    min = Integer.parseInt(option.substring(4));
                } else if (option.startsWith("ask=")) {
                    ask = Probe.byId(option.substring(4))
                            .orElseThrow(() -> new IllegalStateException(where + "unknown probe " + option));
                } else if (!option.isEmpty()) {
                    throw new IllegalStateException(where + "unknown option " + option);
                }
            }
        }
        return new MessagePattern(cols.get(0), cols.get(1), regex, min, ask);
    }
}
