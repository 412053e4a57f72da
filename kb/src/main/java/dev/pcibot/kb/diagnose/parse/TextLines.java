package dev.pcibot.kb.diagnose.parse;

import java.util.ArrayList;
import java.util.List;
import com.google.re2j.Pattern;

/**
 * Splits a pasted part into lines the way every parser wants them: CR, CRLF and LF all end a line,
 * trailing blanks go (terminals and chat clients add them), and leading and trailing blank lines
 * are dropped. Leading indentation is kept because lspci uses it, but no parser may rely on it:
 * users re-indent what they paste.
 */
final class TextLines {
    private static final Pattern NO_BREAK_SPACE = Pattern.compile("[\u00A0\u2007\u202F]");
    private static final Pattern INVISIBLE = Pattern.compile("[\u200B\u200C\u200D\u2060\uFEFF]");

    private TextLines() {}

    static List<String> of(String text) {
        // pastes from web pages and chat bring no-break spaces and zero-width marks: plain them
        String plain =
                INVISIBLE.matcher(NO_BREAK_SPACE.matcher(text).replaceAll(" ")).replaceAll("");
        String[] raw = plain.split("\r\n|\r|\n", -1);
        List<String> lines = new ArrayList<>(raw.length);
        for (String line : raw) {
            lines.add(line.stripTrailing());
        }
        int from = 0;
        while (from < lines.size() && lines.get(from).isBlank()) {
            from++;
        }
        int to = lines.size();
        while (to > from && lines.get(to - 1).isBlank()) {
            to--;
        }
        return List.copyOf(lines.subList(from, to));
    }
}
