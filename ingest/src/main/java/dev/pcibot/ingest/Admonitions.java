package dev.pcibot.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the admonition (callout) syntaxes of Markdown dialects into plain Markdown, a bold
 * label followed by the note, so no dialect's markers reach the text and no note is mistaken for
 * code:
 *
 * <pre>
 * &gt; [!ATTENTION]                 GitHub / Obsidian callout   -&gt;  &gt; **Attention:** ...
 * !!! attention "Attention" ...   MkDocs (body indented)      -&gt;  **Attention:** ...
 * :::note ... :::                 Docusaurus                  -&gt;  **Note:** ...
 * ```ad-tip ... ```               Obsidian Admonition plugin  -&gt;  **This is a tip:** ...
 * </pre>
 *
 * Bold callouts ({@code **⚠️ Attention:** ...}) and HTML {@code <div class="admonition">} are
 * already readable and pass through.
 */
final class Admonitions {

    private static final Pattern CALLOUT = Pattern.compile("^(\\s*>\\s*)\\[!(\\w+)][+-]?\\s*(.*)$");
    private static final Pattern MKDOCS = Pattern.compile("^(!!!|\\?\\?\\?\\+?)\\s+(\\w+)(?:\\s+\"([^\"]*)\")?\\s*(.*)$");
    private static final Pattern DOCUSAURUS = Pattern.compile("^:::\\s*(\\w+)\\s*(.*)$");
    private static final Pattern OBSIDIAN_FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})\\s*ad-(\\w+)\\s*$");

    private Admonitions() {}

    static String normalize(String markdown) {
        List<String> lines = markdown.lines().toList();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher m;
            if ((m = CALLOUT.matcher(line)).matches()) {
                String title = m.group(3).isBlank() ? label(m.group(2)) : m.group(3).strip();
                out.add(m.group(1) + "**" + title + ":**");
            } else if ((m = MKDOCS.matcher(line)).matches()) {
                String title = m.group(3) == null || m.group(3).isBlank() ? label(m.group(2)) : m.group(3);
                out.add("**" + title + ":** " + m.group(4));
                // The body is indented by four spaces, which Markdown would read as code.
                while (i + 1 < lines.size() && (lines.get(i + 1).startsWith("    ") || lines.get(i + 1).startsWith("\t"))) {
                    out.add(lines.get(++i).strip());
                }
                out.add("");
            } else if ((m = DOCUSAURUS.matcher(line)).matches() && !m.group(1).isEmpty()) {
                String title = m.group(2).isBlank() ? label(m.group(1)) : m.group(2).strip();
                out.add("**" + title + ":**");
                while (i + 1 < lines.size() && !lines.get(i + 1).strip().equals(":::")) {
                    out.add(lines.get(++i));
                }
                i++; // the closing :::
                out.add("");
            } else if ((m = OBSIDIAN_FENCE.matcher(line)).matches()) {
                i = obsidianBlock(lines, i, m.group(1), label(m.group(2)), out);
            } else {
                out.add(line);
            }
        }
        return String.join("\n", out);
    }

    private static int obsidianBlock(List<String> lines, int open, String fence, String type, List<String> out) {
        String title = type;
        List<String> body = new ArrayList<>();
        int i = open + 1;
        for (; i < lines.size() && !lines.get(i).strip().startsWith(fence); i++) {
            String line = lines.get(i);
            if (body.isEmpty() && line.startsWith("title:")) {
                title = line.substring("title:".length()).strip();
            } else if (!(body.isEmpty() && line.isBlank())) {
                body.add(line);
            }
        }
        out.add("**" + title + ":** " + (body.isEmpty() ? "" : body.get(0)));
        out.addAll(body.subList(Math.min(1, body.size()), body.size()));
        out.add("");
        return i;
    }

    private static String label(String type) {
        return type.substring(0, 1).toUpperCase(Locale.ROOT) + type.substring(1).toLowerCase(Locale.ROOT);
    }
}
