package dev.pcibot.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Opens code fences that wrap prose (the PDF-converted admin guide fences whole paragraphs
 * together with the command before them), so the prose is read as prose and its headings as
 * headings. The command lines inside are then fenced again, one by one, by {@link BareCommands}.
 */
final class ProseFences {

    private static final Pattern WORD = Pattern.compile("[A-Za-z][a-z'’]*[,.;:!?)]?");

    private ProseFences() {}

    static List<String> open(List<String> lines) {
        List<MarkdownFences.Run> runs = new ArrayList<>();
        for (MarkdownFences.Run run : MarkdownFences.split(lines)) {
            if (run.fenced() && run.info().isEmpty() && run.lines().stream().anyMatch(ProseFences::isProse)) {
                runs.add(new MarkdownFences.Run(false, "", unfenced(run.lines())));
            } else {
                runs.add(run);
            }
        }
        return MarkdownFences.join(runs);
    }

    /** A sentence rather than code or output: mostly plain words. */
    static boolean isProse(String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || CommandLines.command(trimmed).isPresent() || trimmed.startsWith("#")) {
            return false;
        }
        String[] tokens = trimmed.split("\\s+");
        long words = java.util.Arrays.stream(tokens).filter(t -> WORD.matcher(t).matches()).count();
        return words >= 2 && words * 2 >= tokens.length;
    }

    private static List<String> unfenced(List<String> body) {
        List<String> out = new ArrayList<>();
        out.add("");
        for (String line : body) {
            // Outside the fence, a "#" comment would turn into a Markdown heading.
            boolean comment = line.strip().startsWith("#") && CommandLines.command(line).isEmpty();
            out.add(comment ? "\\" + line.strip() : line);
        }
        out.add("");
        return out;
    }
}
