package dev.pcibot.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the bare lines that a guide's hints name as headings back into Markdown headings
 * (the PDF conversion of the admin guide kept {@code Kernel Modules} or {@code Unsafe interrupts}
 * only as plain lines).
 */
final class LostHeadings {

    private LostHeadings() {}

    static List<String> restore(List<String> lines, GuideHints hints) {
        List<MarkdownFences.Run> runs = new ArrayList<>();
        for (MarkdownFences.Run run : MarkdownFences.split(lines)) {
            if (run.fenced()) {
                runs.add(run);
                continue;
            }
            List<String> out = new ArrayList<>();
            for (String line : run.lines()) {
                var level = line.startsWith("#") ? java.util.OptionalInt.empty() : hints.level(line);
                if (level.isPresent()) {
                    out.add("");
                    out.add("#".repeat(level.getAsInt()) + " " + line.strip());
                    out.add("");
                } else {
                    out.add(line);
                }
            }
            runs.add(new MarkdownFences.Run(false, "", out));
        }
        return MarkdownFences.join(runs);
    }
}
