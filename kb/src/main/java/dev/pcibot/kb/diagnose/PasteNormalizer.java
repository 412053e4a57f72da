package dev.pcibot.kb.diagnose;

import com.google.re2j.Pattern;

/**
 * Cleans one pasted line for matching: what chat clients and terminals add to output (ANSI
 * colours, CR, curly quotes, non-breaking and zero-width spaces) is undone, so that patterns
 * see the text the command printed. Evidence is quoted from {@link #quote}, which keeps the line as
 * the user pasted it.
 */
public final class PasteNormalizer {
    // CSI sequences (colours, cursor moves) and the two-byte escapes; both invisible in a terminal
    private static final Pattern ANSI = Pattern.compile("\u001B(?:\\[[0-?]*[ -/]*[@-~]|[@-Z\\\\-_])");

    private PasteNormalizer() {}

    /** The line as pasted, minus what no one sees: a trailing CR and ANSI escape sequences. */
    public static String quote(String raw) {
        String s = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
        return s.indexOf('\u001B') >= 0 ? ANSI.matcher(s).replaceAll("") : s;
    }

    /** The line as the command printed it, for matching (never shown to the user). */
    public static String normalize(String raw) {
        String s = unwrapInlineCode(quote(raw));
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char r = replacement(c);
            if (r != c && out == null) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (out != null && r != SKIP) {
                out.append(r);
            }
        }
        return out == null ? s : out.toString();
    }

    /**
     * Chat users wrap a pasted line in Markdown backticks (`GRUB_CMDLINE_LINUX_DEFAULT="..."`); the
     * backticks are not part of what the command printed. A fence (```) is left alone: the splitter
     * reads it as the border of a part.
     */
    private static String unwrapInlineCode(String s) {
        if (s.length() < 2 || s.charAt(0) != '`' || s.startsWith("``")) {
            return s; // a line that only ends in a backtick may be shell (GRUB_DISTRIBUTOR=`lsb_release ...`)
        }
        int end = s.endsWith("`") && !s.endsWith("``") ? s.length() - 1 : s.length();
        return s.substring(1, end);
    }

    private static final char SKIP = '\uFFFF';

    private static char replacement(char c) {
        return switch (c) {
            case '\u2018', '\u2019', '\u201B', '\u2032', '\u00B4' -> '\'';
            case '\u201C', '\u201D', '\u201F', '\u2033' -> '"';
            case '\u00A0', '\u2007', '\u202F' -> ' ';
            case '\u2010', '\u2011', '\u2012', '\u2013', '\u2212' -> '-';
            case '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\r', '\u0000' -> SKIP;
            default -> c;
        };
    }
}
