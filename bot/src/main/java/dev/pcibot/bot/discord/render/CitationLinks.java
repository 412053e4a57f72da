package dev.pcibot.bot.discord.render;

import dev.pcibot.kb.search.Citation;

/** How a cited guide section reads in a message: "[Guide › Heading › Sub](url)". */
public final class CitationLinks {
    static final int MAX_LABEL = 120;

    private CitationLinks() {}

    public static String label(Citation c) {
        StringBuilder label = new StringBuilder(c.guideTitle());
        for (String heading : c.headingPath()) {
            label.append(" › ").append(heading);
        }
        // Brackets would end the link text early.
        return Trim.line(label.toString().replace('[', '(').replace(']', ')'), MAX_LABEL);
    }

    public static String markdown(Citation c) {
        if (c.url().isBlank() || !c.url().startsWith("http")) {
            return label(c);
        }
        // ')' ends a Markdown link target; Discord reads the percent-encoded form.
        return "[" + label(c) + "](" + c.url().replace(")", "%29").replace(" ", "%20") + ")";
    }
}
