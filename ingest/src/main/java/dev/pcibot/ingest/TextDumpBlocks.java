package dev.pcibot.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Reads plain text dumped from a rendered page, where headings are bare lines and code blocks lost
 * their frame. A line is a heading when it is short, starts with a capital, ends without sentence
 * punctuation and is neither a command nor a bullet; in a dump that keeps blank lines between
 * paragraphs (the wiki dump) it must also stand alone and not introduce a command
 * ({@code When executing}). Levels are not in the text: a heading followed straight by another
 * heading is a chapter (level 2) and the headings after it are its parts (level 3); the guide's
 * hints correct the rest and name the headings the dump lost.
 */
final class TextDumpBlocks {

    private static final Pattern NAVIGATION = Pattern.compile(
            "^(Jump to (navigation|search)\\s*)+$|^Navigation menu$|^Retrieved from .*|^Contents$");
    private static final Pattern SITE_CRUMB = Pattern.compile("^From [\\w .-]{1,40}$");
    private static final Pattern IMAGE_NAME = Pattern.compile("^\\S+\\.(svg|png|jpe?g|gif)\\s+");
    private static final Pattern BULLET = Pattern.compile("^\\s*[•◦▪‣·●]\\s+");
    private static final Pattern NOT_IN_HEADINGS = Pattern.compile("[=|@<>{}$]");

    private TextDumpBlocks() {}

    static List<Block> read(String text, GuideHints hints) {
        List<String> lines = GluedHeadings.split(clean(BoxTables.toRows(text)));
        boolean spaced = lines.stream().filter(String::isBlank).count() * 10 > lines.size();
        boolean[] heading = new boolean[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            heading[i] = hints.level(lines.get(i)).isPresent() || isHeading(lines, i, spaced);
        }
        return blocks(lines, heading, hints);
    }

    /** Drops navigation crumbs, image file names before notes, and turns bullet glyphs into "- ". */
    static List<String> clean(String text) {
        List<String> out = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (NAVIGATION.matcher(line.strip()).matches() || (i < 5 && SITE_CRUMB.matcher(line.strip()).matches())) {
                continue;
            }
            line = IMAGE_NAME.matcher(line).replaceFirst("");
            line = BULLET.matcher(line).replaceFirst("- ");
            out.add(line.stripTrailing());
        }
        return out;
    }

    private static boolean isHeading(List<String> lines, int i, boolean spaced) {
        String line = lines.get(i);
        if (!looksLikeHeading(line)) {
            return false;
        }
        if (!spaced) {
            return true;
        }
        boolean blankBefore = i == 0 || lines.get(i - 1).isBlank();
        boolean blankAfter = i + 1 >= lines.size() || lines.get(i + 1).isBlank();
        int next = nextNonBlank(lines, i + 1);
        boolean introducesCommand = next >= 0 && CommandLines.command(lines.get(next)).isPresent();
        return blankBefore && blankAfter && !introducesCommand;
    }

    static boolean looksLikeHeading(String line) {
        if (line.isEmpty() || Character.isWhitespace(line.charAt(0))) {
            return false;
        }
        String text = line.strip();
        int first = text.charAt(0) == '"' || text.charAt(0) == '“' || text.charAt(0) == '\'' ? 1 : 0;
        if (text.length() < 2 || text.length() > 80 || text.split("\\s+").length > 11
                || first >= text.length()
                || !(Character.isUpperCase(text.charAt(first)) || Character.isDigit(text.charAt(first)))) {
            return false;
        }
        char last = text.charAt(text.length() - 1);
        return ".:;,!?".indexOf(last) < 0
                && !NOT_IN_HEADINGS.matcher(text).find()
                && !text.startsWith("- ")
                && !text.startsWith("#")
                && CommandLines.command(text).isEmpty();
    }

    private static List<Block> blocks(List<String> lines, boolean[] heading, GuideHints hints) {
        List<Block> blocks = new ArrayList<>();
        List<String> prose = new ArrayList<>();
        List<String> code = new ArrayList<>();
        boolean chapterSeen = false;
        boolean first = true;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (heading[i]) {
                flush(blocks, prose, code);
                int next = nextNonBlank(lines, i + 1);
                boolean chapter = next >= 0 && heading[next];
                OptionalInt hinted = hints.level(line);
                int level = first ? 1 : hinted.isPresent() ? hinted.getAsInt() : chapter || !chapterSeen ? 2 : 3;
                chapterSeen |= chapter && !first;
                first = false;
                blocks.add(new Block.Heading(level, HeadingText.clean(line), null));
            } else if (line.isBlank()) {
                flush(blocks, prose, code);
            } else if (CommandLines.command(line).isPresent() || CommandLines.isComment(line)
                    || (!code.isEmpty() && code.get(code.size() - 1).endsWith("\\"))) {
                if (!prose.isEmpty()) {
                    flush(blocks, prose, List.of());
                }
                code.add(line.strip());
            } else {
                if (!code.isEmpty()) {
                    flush(blocks, List.of(), code);
                }
                prose.add(line.strip());
            }
            first &= line.isBlank();
        }
        flush(blocks, prose, code);
        return List.copyOf(blocks);
    }

    private static void flush(List<Block> blocks, List<String> prose, List<String> code) {
        if (!prose.isEmpty()) {
            blocks.add(new Block.Prose(String.join("\n", prose)));
            prose.clear();
        }
        if (!code.isEmpty()) {
            blocks.add(new Block.Code(code));
            code.clear();
        }
    }

    private static int nextNonBlank(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                return i;
            }
        }
        return -1;
    }
}
