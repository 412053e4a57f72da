package dev.pcibot.kb.diagnose;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the finding texts (content/findings/id.md) from the class path, once per id. The format:
 *
 * <pre>
 * ---
 * id: bar-reserve-conflict-efifb
 * severity: problem
 * title: One line shown as the finding's title
 * cite: words to search the knowledge base with
 * ---
 * ## What it means
 * ...
 * ## How to fix it
 * ...
 * </pre>
 */
public final class FindingTexts {
    static final String DIR = "/content/findings/";

    private final Map<String, Optional<FindingText>> cache = new ConcurrentHashMap<>();

    /** The text for this id, or empty when content has no file for it. */
    public Optional<FindingText> get(String id) {
        return cache.computeIfAbsent(id, FindingTexts::load);
    }

    private static Optional<FindingText> load(String id) {
        if (!id.matches("[a-z0-9-]+")) {
            return Optional.empty();
        }
        try (InputStream in = FindingTexts.class.getResourceAsStream(DIR + id + ".md")) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(parse(id, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses one file; a file without front matter or with an unknown severity fails loudly. */
    static FindingText parse(String id, String markdown) {
        String text = markdown.replace("\r\n", "\n");
        if (!text.startsWith("---\n")) {
            throw new IllegalStateException(DIR + id + ".md: front matter (---) missing");
        }
        int end = text.indexOf("\n---", 4);
        if (end < 0) {
            throw new IllegalStateException(DIR + id + ".md: front matter not closed");
        }
        Severity severity = null;
        String title = id;
        List<String> cites = new ArrayList<>();
        for (String line : text.substring(4, end).split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).strip();
            String value = stripComment(line.substring(colon + 1)).strip();
            switch (key) {
                case "severity" -> severity = severity(id, value);
                case "title" -> title = value;
                case "cite" -> cites.add(value);
                default -> { } // id and any later keys
            }
        }
        if (severity == null) {
            throw new IllegalStateException(DIR + id + ".md: severity missing");
        }
        String body = text.substring(text.indexOf('\n', end + 1) + 1);
        return new FindingText(id, severity, title, cites, section(body, "what it means"), section(body, "how to fix"));
    }

    private static String stripComment(String value) {
        int hash = value.indexOf("  #");
        return hash < 0 ? value : value.substring(0, hash);
    }

    private static Severity severity(String id, String value) {
        try {
            return Severity.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(DIR + id + ".md: unknown severity " + value, e);
        }
    }

    /** The body of the {@code ## } section whose heading starts with these words (case-insensitive). */
    private static String section(String body, String headingStart) {
        StringBuilder out = null;
        for (String line : body.split("\n", -1)) {
            if (line.startsWith("## ")) {
                if (out != null) {
                    break;
                }
                if (line.substring(3).strip().toLowerCase(Locale.ROOT).startsWith(headingStart)) {
                    out = new StringBuilder();
                }
            } else if (out != null) {
                out.append(line).append('\n');
            }
        }
        return out == null ? "" : out.toString().strip();
    }
}
