package dev.pcibot.bot.converse;

import dev.pcibot.kb.converse.Step;
import dev.pcibot.kb.diagnose.DeviceView;
import dev.pcibot.kb.diagnose.Finding;
import dev.pcibot.kb.search.Citation;
import java.util.Map;

/**
 * A conversation's outcome as one Markdown document: what to post on a forum or in a bug report.
 * The caller scrubs it before it leaves the user ({@link ReportScrubber}).
 */
final class ConversationReport {
    private ConversationReport() {}

    static String markdown(Step step) {
        StringBuilder md = new StringBuilder("# PCI passthrough diagnosis\n\n");
        md.append("Status: ").append(switch (step.status()) {
            case DONE -> "every check that could be run is done";
            case BLOCKED -> "blocked: fix the first finding, then check again";
            case ASKING -> "in progress (step " + step.number() + ")";
        }).append("\n");
        if (step.bootLoader() != null) {
            md.append("Boot loader: ").append(step.bootLoader()).append('\n');
        }
        if (step.diagnosis() != null) {
            Map<String, String> host = step.diagnosis().host();
            host.forEach((k, v) -> md.append("- ").append(k).append(": `").append(v).append("`\n"));
            if (!step.diagnosis().devices().isEmpty()) {
                md.append("\n## Devices\n\n| device | ids | group | driver | VM |\n| --- | --- | --- | --- | --- |\n");
                for (DeviceView d : step.diagnosis().devices()) {
                    md.append("| ").append(d.address()).append(' ').append(cell(d.description()))
                            .append(" | ").append(cell(d.vendorDevice()))
                            .append(" | ").append(d.iommuGroup() == null ? "" : d.iommuGroup())
                            .append(" | ").append(cell(d.driverInUse()))
                            .append(" | ").append(String.join(", ", d.wantedBy())).append(" |\n");
                }
            }
        }
        md.append("\n## Findings\n");
        if (step.findings().isEmpty()) {
            md.append("\nNothing pasted yet.\n");
        }
        for (Finding f : step.findings()) {
            md.append("\n### ").append(f.severity()).append(": ").append(f.title()).append(" (`").append(f.id())
                    .append("`)\n\n");
            for (String line : f.evidence()) {
                md.append("    ").append(line).append('\n');
            }
            if (!f.detail().isEmpty()) {
                md.append('\n').append(f.detail()).append('\n');
            }
            if (!f.fix().isEmpty()) {
                md.append("\n**Fix**\n\n").append(f.fix().strip()).append('\n');
            }
            for (Citation c : f.citations()) {
                md.append("\n- ").append(c.guideTitle()).append(": ").append(String.join(" > ", c.headingPath()))
                        .append(" <").append(c.url()).append('>');
            }
            md.append('\n');
        }
        if (!step.notChecked().isEmpty() || !step.gaps().isEmpty()) {
            md.append("\n## Not checked\n\n");
            step.notChecked().forEach(n -> md.append("- ").append(n).append('\n'));
            step.gaps().forEach(g -> md.append("- could not run `").append(g).append("`\n"));
        }
        return md.toString();
    }

    private static String cell(@org.jspecify.annotations.Nullable String s) {
        return s == null ? "" : s.replace("|", "\\|");
    }
}
