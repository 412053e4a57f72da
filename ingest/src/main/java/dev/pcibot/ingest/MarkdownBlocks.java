package dev.pcibot.ingest;

import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Reads Markdown: repairs the quirks of clipped and converted guides, renders through commonmark
 * (with GFM tables) to HTML, and takes the same path as HTML from there ({@link HtmlBlocks}).
 *
 * <p>The repairs, in order: Obsidian embeds go, {@code ←} continuations are joined, admonition
 * syntaxes become bold labels, box tables become pipe tables, fences around prose are opened,
 * headings named in the guide's hints are restored, bare command lines are fenced, and
 * {@code <placeholders>} outside code are escaped.
 */
final class MarkdownBlocks {

    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS).build();

    private MarkdownBlocks() {}

    static List<Block> read(String markdown, GuideHints hints) {
        return HtmlBlocks.read(toHtml(markdown, hints));
    }

    static String toHtml(String markdown, GuideHints hints) {
        String text = ObsidianEmbeds.strip(markdown);
        text = ContinuationJoiner.join(text);
        text = Admonitions.normalize(text);
        text = BoxTables.toMarkdown(text);
        List<String> lines = ProseFences.open(text.lines().toList());
        lines = LostHeadings.restore(lines, hints);
        lines = BareCommands.fence(lines);
        lines = AngleBracketPlaceholders.escape(lines);
        return RENDERER.render(PARSER.parse(String.join("\n", lines)));
    }
}
