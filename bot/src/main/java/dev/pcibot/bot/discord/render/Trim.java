package dev.pcibot.bot.discord.render;

/**
 * Cuts text to a length with a visible marker, never leaving a code block open: the cut is where
 * a limit is kept, the marker is how the reader knows something is missing.
 */
public final class Trim {
    /** Appended to a cut line. */
    public static final String ELLIPSIS = "…";
    /** Appended to cut Markdown. */
    public static final String MARKER = "\n… (trimmed)";

    private static final String FENCE = "```";

    private Trim() {}

    /** One line of plain text: at most {@code max} characters, ending in "…" when cut. */
    public static String line(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        if (max <= ELLIPSIS.length()) {
            return ELLIPSIS.substring(0, Math.max(0, max));
        }
        return safeCut(text, max - ELLIPSIS.length()) + ELLIPSIS;
    }

    /** Markdown: at most {@code max} characters; an open code block is closed, then the marker. */
    public static String markdown(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int reserve = MARKER.length() + FENCE.length() + 1;
        if (max <= reserve) {
            return line(text.replace("`", ""), max);
        }
        String cut = safeCut(text, max - reserve);
        int lastLine = cut.lastIndexOf('\n');
        if (lastLine >= cut.length() / 3) {
            cut = cut.substring(0, lastLine); // end on a whole line (a list item, a command) when it costs little
        }
        int ticks = 0;
        while (ticks < cut.length() && cut.charAt(cut.length() - 1 - ticks) == '`') {
            ticks++;
        }
        cut = cut.substring(0, cut.length() - ticks % 3); // drop half a fence, keep a whole one
        if (count(cut, FENCE) % 2 == 1) {
            cut = cut + "\n" + FENCE;
        }
        return cut + MARKER;
    }

    /**
     * Prose: as many whole sentences as fit, then "…"; a cut inside the first sentence when not even
     * that fits. Never breaks a code span: the cut text has an even number of backticks.
     */
    public static String sentences(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        String room = safeCut(text, Math.max(0, max - 2));
        int end = -1;
        for (int i = room.length() - 1; i > 0; i--) {
            char c = room.charAt(i - 1);
            if ((c == '.' || c == '!' || c == '?' || c == ':') && Character.isWhitespace(room.charAt(i))
                    && count(room.substring(0, i), "`") % 2 == 0) {
                end = i;
                break;
            }
        }
        if (end > 0) {
            return room.substring(0, end) + " " + ELLIPSIS;
        }
        String cut = line(text.replace("`", ""), max);
        return cut;
    }

    /** Whether {@link #markdown} or {@link #line} would cut this text. */
    public static boolean cuts(String text, int max) {
        return text.length() > max;
    }

    private static String safeCut(String text, int length) {
        int end = length;
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--; // do not split an emoji in two
        }
        return text.substring(0, end);
    }

    private static int count(String text, String token) {
        int n = 0;
        for (int i = text.indexOf(token); i >= 0; i = text.indexOf(token, i + token.length())) {
            n++;
        }
        return n;
    }
}
