package dev.pcibot.bot.discord.render;

import dev.pcibot.kb.diagnose.DeviceView;
import dev.pcibot.kb.diagnose.Diagnosis;
import dev.pcibot.kb.diagnose.Finding;
import dev.pcibot.kb.diagnose.NextStep;
import dev.pcibot.kb.diagnose.RecognizedPart;
import dev.pcibot.kb.search.Citation;
import java.util.Map;

/**
 * The whole diagnosis as plain text, for the attached report: nothing trimmed except very long
 * single lines, serial numbers and MAC addresses scrubbed (people post these files on forums).
 */
public final class DiagnosisReport {
    /** Well below Discord's 10 MiB per file; a report this big has stopped being readable anyway. */
    static final int MAX_CHARS = 4 * 1024 * 1024;
    static final int MAX_LINE = 2000;

    private DiagnosisReport() {}

    public static String text(Diagnosis d, String source) {
        StringBuilder out = new StringBuilder();
        out.append("PCI passthrough diagnosis of ").append(source).append('\n');
        out.append(DiagnosisMessages.title(DiagnosisMessages.worstFirst(d.findings()))).append("\n\n");
        out.append("What was read\n");
        for (RecognizedPart p : d.parts()) {
            out.append("  ").append(p.kind()).append(", lines ").append(p.firstLine()).append('-').append(p.lastLine());
            if (p.notUnderstoodCount() > 0) {
                out.append(", ").append(p.notUnderstoodCount()).append(" lines not understood");
            }
            out.append('\n');
        }
        if (!d.notices().isEmpty()) {
            out.append("\nAbout the input\n");
            d.notices().forEach(x -> out.append("  ").append(x).append('\n'));
        }
        int n = 0;
        for (Finding f : DiagnosisMessages.worstFirst(d.findings())) {
            out.append("\n").append(++n).append(". [").append(f.severity()).append("] ").append(f.title())
                    .append("  (").append(f.id()).append(")\n");
            if (!f.detail().isBlank()) {
                out.append("\n").append(f.detail().strip()).append("\n");
            }
            if (!f.meaning().isBlank()) {
                out.append("\n").append(f.meaning().strip()).append("\n");
            }
            if (!f.evidence().isEmpty()) {
                out.append("\n  Evidence:\n");
                f.evidence().forEach(line -> out.append("    ").append(Trim.line(line, MAX_LINE)).append('\n'));
            }
            if (!f.fix().isBlank()) {
                out.append("\n  Fix:\n").append(f.fix().strip()).append('\n');
            }
            for (Citation c : f.citations()) {
                out.append("  Source: ").append(CitationLinks.label(c)).append("  ").append(c.url()).append('\n');
            }
        }
        if (!d.nextSteps().isEmpty()) {
            out.append("\nNext steps\n");
            for (NextStep s : d.nextSteps()) {
                out.append("  ").append(s.command()).append("\n    ").append(s.why()).append('\n');
            }
        }
        if (!d.host().isEmpty()) {
            out.append("\nHost\n");
            for (Map.Entry<String, String> e : d.host().entrySet()) {
                out.append("  ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
            }
        }
        if (!d.devices().isEmpty()) {
            out.append("\nDevices\n");
            for (DeviceView v : d.devices()) {
                out.append("  ").append(v.address());
                appendIf(out, " [", v.vendorDevice(), "]");
                appendIf(out, " ", v.description(), "");
                appendIf(out, ", group ", v.iommuGroup() == null ? null : v.iommuGroup().toString(), "");
                appendIf(out, ", driver ", v.driverInUse(), "");
                if (!v.wantedBy().isEmpty()) {
                    out.append(", wanted by ").append(String.join(", ", v.wantedBy()));
                }
                appendIf(out, ", known issue: ", v.knownIssue(), "");
                out.append('\n');
            }
        }
        if (!d.notChecked().isEmpty()) {
            out.append("\nNot checked\n");
            d.notChecked().forEach(x -> out.append("  ").append(x).append('\n'));
        }
        String text = Sanitizer.scrub(out.toString());
        return text.length() <= MAX_CHARS ? text : Trim.line(text, MAX_CHARS - 40) + "\n(report cut at 4 MiB)\n";
    }

    private static void appendIf(StringBuilder out, String before, @org.jspecify.annotations.Nullable String value, String after) {
        if (value != null && !value.isBlank()) {
            out.append(before).append(value).append(after);
        }
    }
}
