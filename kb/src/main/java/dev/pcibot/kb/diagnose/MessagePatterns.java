package dev.pcibot.kb.diagnose;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/** The message pattern table, loaded from content/diagnose/patterns.tsv on the class path. */
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
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t");
            if (cols.length < 3) {
                throw new IllegalStateException(RESOURCE + ":" + number + ": expected target, literal, regex");
            }
            rows.add(row(cols, number));
        }
        return List.copyOf(rows);
    }

    private static MessagePattern row(String[] cols, int number) {
        String where = RESOURCE + ":" + number + ": ";
        Pattern regex;
        try {
            regex = Pattern.compile(cols[2]);
        } catch (PatternSyntaxException e) {
            throw new IllegalStateException(where + e.getDescription(), e);
        }
        int min = 1;
        @Nullable Probe ask = null;
        if (cols.length > 3) {
            for (String option : cols[3].trim().split("\\s+")) {
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
        return new MessagePattern(cols[0], cols[1], regex, min, ask);
    }
}
