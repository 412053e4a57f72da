package dev.pcibot.bot.cli;

import dev.pcibot.bot.http.HitView;
import dev.pcibot.bot.http.SearchResponse;
import dev.pcibot.kb.diagnose.Diagnosis;
import dev.pcibot.kb.diagnose.Finding;
import dev.pcibot.kb.diagnose.NextStep;
import dev.pcibot.kb.diagnose.RecognizedPart;
import dev.pcibot.ingest.Authority;
import dev.pcibot.kb.search.Citation;
import dev.pcibot.kb.search.ConfigLines;
import java.util.List;

/**
 * Answers and diagnoses as readable terminal text: one block per hit or finding, commands on their
 * own {@code $ } lines so they can be copied (lines that go into a file are marked as such), the
 * guide's authority in words, links in full; scores only in {@code --json}.
 */
final class TextReport {
    private TextReport() {}

    static String search(SearchResponse response) {
        StringBuilder out = new StringBuilder();
        if (!response.findings().isEmpty()) {
            out.append("Your question quotes a message the diagnosis knows:\n\n");
            for (Finding f : response.findings()) {
                finding(out, f);
                out.append('\n');
            }
        }
        if (!response.answered()) {
            out.append("No good answer in the guides for \"").append(response.query())
                    .append("\". Try other words, or diagnose the command output instead.\n");
            return out.toString();
        }
        if (response.hits().isEmpty()) {
            out.append("The guides have no section that answers this well beyond the above.\n");
        } else if (response.match().equals("closest")) {
            out.append("No section answers this squarely; the closest sections in the guides:\n\n");
        }
        int n = 1;
        for (HitView hit : response.hits()) {
            out.append(n++).append(". ").append(where(hit.guide(), hit.headingPath()))
                    .append("  [").append(Authority.labelOf(hit.authority())).append("]\n");
            out.append("   ").append(hit.url()).append('\n');
            if (hit.correction() != null) {
                out.append("   CAREFUL: ").append(hit.correction()).append('\n');
            }
            out.append(indent(hit.snippet(), "   ")).append('\n');
            for (String command : hit.commands()) {
                // a configuration line pasted at a prompt does nothing: say where it goes instead
                out.append(ConfigLines.isFileLine(command) ? "   in a file: " : "   $ ").append(command).append('\n');
            }
            for (Citation also : hit.alsoIn()) {
                out.append("   also in: ").append(where(also.guideTitle(), also.headingPath()))
                        .append("  ").append(also.url()).append('\n');
            }
            out.append('\n');
        }
        return out.toString();
    }

    static String diagnosis(Diagnosis diagnosis) {
        StringBuilder out = new StringBuilder();
        diagnosis.notices().forEach(n -> out.append("Note: ").append(n).append('\n'));
        if (!diagnosis.notices().isEmpty()) {
            out.append('\n');
        }
        out.append("Findings, worst first:\n\n");
        if (diagnosis.findings().isEmpty()) {
            out.append("  (none)\n\n");
        }
        for (Finding finding : diagnosis.findings()) {
            finding(out, finding);
            out.append('\n');
        }
        if (!diagnosis.nextSteps().isEmpty()) {
            out.append("Next step:\n");
            for (NextStep step : diagnosis.nextSteps()) {
                out.append("  ").append(step.why()).append('\n');
                out.append("  $ ").append(step.command()).append('\n');
            }
            out.append('\n');
        }
        out.append("Recognised in the paste:\n");
        for (RecognizedPart part : diagnosis.parts()) {
            out.append("  lines ").append(part.firstLine()).append('-').append(part.lastLine()).append(": ")
                    .append(part.kind());
            if (part.notUnderstoodCount() > 0) {
                out.append(" (").append(part.notUnderstoodCount()).append(" lines not understood)");
            }
            out.append('\n');
        }
        if (!diagnosis.notChecked().isEmpty()) {
            out.append("Not checked:\n");
            diagnosis.notChecked().forEach(n -> out.append("  - ").append(n).append('\n'));
        }
        return out.toString();
    }

    private static void finding(StringBuilder out, Finding f) {
        out.append('[').append(f.severity()).append("] ").append(f.title()).append("  (").append(f.id()).append(")\n");
        if (!f.detail().isBlank()) {
            out.append(indent(f.detail().strip(), "  ")).append('\n');
        }
        if (!f.evidence().isEmpty()) {
            out.append("  Evidence:\n");
            f.evidence().forEach(line -> out.append("    > ").append(line).append('\n'));
        }
        if (!f.meaning().isBlank()) {
            out.append("  What it means:\n").append(indent(f.meaning().strip(), "    ")).append('\n');
        }
        if (!f.fix().isBlank()) {
            out.append("  How to fix it:\n").append(indent(f.fix().strip(), "    ")).append('\n');
        }
        for (Citation c : f.citations()) {
            out.append("  Source: ").append(where(c.guideTitle(), c.headingPath())).append("  ").append(c.url())
                    .append('\n');
        }
    }

    private static String where(String guide, List<String> headingPath) {
        StringBuilder s = new StringBuilder(guide);
        headingPath.forEach(h -> s.append(" > ").append(h));
        return s.toString();
    }

    private static String indent(String text, String prefix) {
        return prefix + text.replace("\n", "\n" + prefix);
    }
}
