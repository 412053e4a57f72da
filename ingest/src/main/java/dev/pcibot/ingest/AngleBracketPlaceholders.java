package dev.pcibot.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Escapes placeholders written in angle brackets ({@code <some-module>}, {@code <vendor-id>},
 * {@code romfile=<path>}) outside code, which Markdown would otherwise pass on as unknown HTML tags
 * and the reader would never see. Real HTML tags the guides use ({@code <strong>}, {@code <div>})
 * stay.
 */
final class AngleBracketPlaceholders {

    private static final Pattern TAG = Pattern.compile("</?([A-Za-z][\\w-]*)>");
    private static final Set<String> HTML = Set.of(
            "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "details", "div", "dl", "dt", "em", "h1",
            "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "kbd", "li", "mark", "ol", "p", "pre", "s", "small",
            "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "th", "thead", "tr", "u", "ul");

    private AngleBracketPlaceholders() {}

    static List<String> escape(List<String> lines) {
        List<MarkdownFences.Run> runs = new ArrayList<>();
        for (MarkdownFences.Run run : MarkdownFences.split(lines)) {
            runs.add(run.fenced() ? run : new MarkdownFences.Run(false, "", run.lines().stream()
                    .map(AngleBracketPlaceholders::escapeLine).toList()));
        }
        return MarkdownFences.join(runs);
    }

    static String escapeLine(String line) {
        Matcher tag = TAG.matcher(line);
        StringBuilder out = new StringBuilder();
        while (tag.find()) {
            String replacement = HTML.contains(tag.group(1).toLowerCase(Locale.ROOT))
                    ? tag.group()
                    : tag.group().replace("<", "&lt;").replace(">", "&gt;");
            tag.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        tag.appendTail(out);
        return out.toString();
    }
}
