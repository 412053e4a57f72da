package dev.pcibot.bot.discord.render;

import java.util.regex.Pattern;

/**
 * Markdown from content/ as Discord shows it. The finding texts are hard-wrapped at about 100
 * columns, and Discord keeps every line break, so a paragraph would read as ragged short lines:
 * continuation lines are joined, while list items, headings, quotes and code blocks stay as written.
 */
public final class Prose {
    private static final Pattern BLOCK_START = Pattern.compile("^(\\s*([-*+]\\s|\\d+[.)]\\s|#|>|```|\\|)).*");

    private Prose() {}

    /** Joins wrapped lines of each paragraph; code blocks and list structure are kept. */
    public static String unwrap(String markdown) {
        String[] lines = markdown.strip().split("\n", -1);
        StringBuilder out = new StringBuilder();
        boolean inFence = false;
        boolean previousJoinable = false;
        for (String line : lines) {
            boolean fence = line.strip().startsWith("```");
            boolean joinable = !inFence && !fence && !line.isBlank();
            if (previousJoinable && joinable && !BLOCK_START.matcher(line).matches()) {
                out.append(' ').append(line.strip());
            } else {
                if (!out.isEmpty()) {
                    out.append('\n');
                }
                out.append(line);
            }
            if (fence) {
                inFence = !inFence;
            }
            previousJoinable = joinable;
        }
        return out.toString();
    }

    /** The first paragraph, unwrapped: the short form of a longer explanation. */
    public static String firstParagraph(String markdown) {
        String unwrapped = unwrap(markdown);
        int end = unwrapped.indexOf("\n\n");
        return end < 0 ? unwrapped : unwrapped.substring(0, end);
    }
}
