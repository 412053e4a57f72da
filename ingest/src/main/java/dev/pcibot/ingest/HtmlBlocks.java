package dev.pcibot.ingest;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jspecify.annotations.Nullable;

/**
 * Reads an HTML document (a saved page, or Markdown rendered by {@link MarkdownBlocks}) into
 * blocks: {@code h1..h6} become headings, {@code pre} code, tables readable rows
 * ({@link TableRows}), everything else prose.
 */
final class HtmlBlocks {

    // Page furniture of MediaWiki and of typical sites: never part of a section.
    private static final String FURNITURE = "script, style, noscript, nav, header, footer, #toc, .toc, "
            + ".mw-editsection, .mw-jump-link, #jump-to-nav, #siteSub, #contentSub, .printfooter, "
            + "#catlinks, #mw-navigation, #footer, .navbox";

    private final List<Block> blocks = new ArrayList<>();
    private final StringBuilder loose = new StringBuilder();

    private HtmlBlocks() {}

    static List<Block> read(String html) {
        Document document = Jsoup.parse(html);
        document.select(FURNITURE).remove();
        HtmlBlocks reader = new HtmlBlocks();
        reader.walk(document.body());
        reader.flushLoose();
        return List.copyOf(reader.blocks);
    }

    private void walk(Element parent) {
        for (Node node : parent.childNodes()) {
            if (node instanceof TextNode text) {
                loose.append(text.text());
            } else if (node instanceof Element element) {
                element(element);
            }
        }
    }

    private void element(Element element) {
        String tag = element.normalName();
        switch (tag) {
            case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                flushLoose();
                String text = HeadingText.clean(element.text());
                if (!text.isEmpty()) {
                    blocks.add(new Block.Heading(tag.charAt(1) - '0', text, anchorOf(element)));
                }
            }
            case "pre" -> {
                flushLoose();
                List<String> lines = element.wholeText().strip().lines().map(String::stripTrailing).toList();
                if (!lines.isEmpty()) {
                    blocks.add(new Block.Code(lines));
                }
            }
            case "p", "dt", "dd", "figcaption", "caption" -> {
                flushLoose();
                prose(element.text(), element);
            }
            case "ul", "ol" -> {
                flushLoose();
                list(element, 0);
            }
            case "table" -> {
                flushLoose();
                String rows = TableRows.read(element);
                if (!rows.isBlank()) {
                    blocks.add(new Block.Prose(rows));
                }
            }
            case "hr", "img", "br" -> flushLoose();
            case "div", "section", "article", "main", "blockquote", "body", "details", "dl", "aside",
                    "center", "form", "span" -> {
                if (isBlockLike(tag)) {
                    flushLoose();
                }
                walk(element);
                if (isBlockLike(tag)) {
                    flushLoose();
                }
            }
            default -> loose.append(element.text()).append(' ');
        }
    }

    private static boolean isBlockLike(String tag) {
        return !tag.equals("span");
    }

    private void list(Element list, int depth) {
        StringBuilder text = new StringBuilder();
        List<String> commands = new ArrayList<>();
        for (Element item : list.children()) {
            if (!item.normalName().equals("li")) {
                continue;
            }
            Element copy = item.clone();
            copy.select("ul, ol, pre").remove();
            String own = copy.text().strip();
            if (!own.isEmpty()) {
                text.append("  ".repeat(depth)).append("- ").append(own).append('\n');
                commands.addAll(inlineCommands(copy));
            }
            // A code block inside a list item (MediaWiki nests them so) stays code.
            for (Element pre : item.select("pre")) {
                if (pre.parents().stream().takeWhile(p -> p != item).noneMatch(p -> p.normalName().matches("ul|ol"))) {
                    flushList(text, commands);
                    element(pre);
                }
            }
            for (Element nested : item.select("> ul, > ol")) {
                flushList(text, commands);
                list(nested, depth + 1);
            }
        }
        flushList(text, commands);
    }

    private void flushList(StringBuilder text, List<String> commands) {
        if (!text.isEmpty()) {
            blocks.add(new Block.Prose(text.toString().stripTrailing(), commands));
            text.setLength(0);
            commands.clear();
        }
    }

    private void prose(String text, Element element) {
        if (!text.isBlank() && !isLinkBar(element)) {
            blocks.add(new Block.Prose(text.strip(), inlineCommands(element)));
        }
    }

    /** A paragraph of nothing but links, such as "Chapter Index | Main Index": navigation. */
    private static boolean isLinkBar(Element paragraph) {
        if (paragraph.select("a").isEmpty()) {
            return false;
        }
        Element copy = paragraph.clone();
        copy.select("a").remove();
        return copy.text().replaceAll("[\\s|·•/>»-]", "").isEmpty();
    }

    /** Inline code that holds a whole command (not just a word such as {@code dmesg}). */
    private static List<String> inlineCommands(Element element) {
        List<String> commands = new ArrayList<>();
        for (Element code : element.select("code")) {
            String text = code.text().strip();
            if (text.contains(" ") || text.contains("=")) {
                CommandLines.command(text).ifPresent(commands::add);
            }
        }
        return commands;
    }

    private void flushLoose() {
        String text = loose.toString().strip();
        loose.setLength(0);
        if (!text.isEmpty()) {
            blocks.add(new Block.Prose(text));
        }
    }

    private static @Nullable String anchorOf(Element heading) {
        // MediaWiki puts the id on an inner span.mw-headline; most sites put it on the heading.
        if (!heading.id().isEmpty()) {
            return heading.id();
        }
        Element headline = heading.selectFirst("[id]");
        return headline == null ? null : headline.id();
    }
}
