package dev.pcibot.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits Markdown lines into runs outside and inside fenced code blocks, following CommonMark's
 * rules closely enough for the preprocessing steps: a fence is three or more backticks or tildes,
 * its info string may not contain a backtick ({@code ```GRUB_CMDLINE...```} on one line is inline
 * code, not a fence), and it closes on a fence of the same character at least as long.
 */
final class MarkdownFences {

    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})(.*)$");

    /** A run of lines: either plain Markdown or one fenced block (body without the fence lines). */
    record Run(boolean fenced, String info, List<String> lines) {}

    private MarkdownFences() {}

    static List<Run> split(List<String> lines) {
        List<Run> runs = new ArrayList<>();
        List<String> plain = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            Matcher open = FENCE.matcher(lines.get(i));
            if (open.matches() && !(open.group(1).charAt(0) == '`' && open.group(2).contains("`"))) {
                String fence = open.group(1);
                int close = i + 1;
                while (close < lines.size() && !closes(lines.get(close), fence)) {
                    close++;
                }
                if (!plain.isEmpty()) {
                    runs.add(new Run(false, "", List.copyOf(plain)));
                    plain.clear();
                }
                runs.add(new Run(true, open.group(2).strip(), List.copyOf(lines.subList(i + 1, Math.min(close, lines.size())))));
                i = close + 1;
            } else {
                plain.add(lines.get(i));
                i++;
            }
        }
        if (!plain.isEmpty()) {
            runs.add(new Run(false, "", List.copyOf(plain)));
        }
        return runs;
    }

    private static boolean closes(String line, String fence) {
        String trimmed = line.strip();
        return trimmed.length() >= fence.length()
                && trimmed.chars().allMatch(c -> c == fence.charAt(0))
                && line.indexOf(fence.charAt(0)) <= 3;
    }

    /** Writes runs back as Markdown, fences as {@code ```}. */
    static List<String> join(List<Run> runs) {
        List<String> lines = new ArrayList<>();
        for (Run run : runs) {
            if (run.fenced()) {
                lines.add("```" + run.info());
                lines.addAll(run.lines());
                lines.add("```");
            } else {
                lines.addAll(run.lines());
            }
        }
        return lines;
    }
}
