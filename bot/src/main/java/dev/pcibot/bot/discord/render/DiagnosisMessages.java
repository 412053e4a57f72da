package dev.pcibot.bot.discord.render;

import dev.pcibot.kb.diagnose.Diagnosis;
import dev.pcibot.kb.diagnose.Finding;
import dev.pcibot.kb.diagnose.NextStep;
import dev.pcibot.kb.diagnose.RecognizedPart;
import dev.pcibot.kb.diagnose.Severity;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * A diagnosis as one Discord message: a summary embed (what was read, the next step as a command
 * to copy, what was not checked), then one embed per finding, worst first, as many as fit.
 * Whatever does not fit is named in a marker ("… 31 more findings in the attached report") and
 * the whole diagnosis goes along as a text file.
 */
public final class DiagnosisMessages {
    public static final String REPORT_FILE = "diagnosis-report.txt";

    static final int SUMMARY_MAX = 1600;
    static final int FOOTER_MAX = 250;
    static final int FINDINGS_MAX = MessageLimits.EMBEDS - 1;

    private DiagnosisMessages() {}

    /**
     * @param source what was diagnosed, for the summary ("attachment dmesg.txt"); user text, sanitised here
     * @param buttons the reply's buttons (feedback, delete), already encoded
     */
    public static MessageCreateData render(Diagnosis diagnosis, String source, List<ActionRow> buttons) {
        List<Finding> findings = worstFirst(diagnosis.findings());
        int shown = fitFindings(findings);
        // Each finding gets an equal share of what the summary leaves, so the sum stays within 6,000.
        int each = shown == 0 ? 0 : (MessageLimits.EMBED_TOTAL - SUMMARY_MAX) / shown;
        List<MessageEmbed> findingEmbeds = new ArrayList<>();
        boolean cut = false;
        for (Finding f : findings.subList(0, shown)) {
            FindingEmbeds.Rendered r = FindingEmbeds.render(f, each);
            findingEmbeds.add(r.embed());
            cut |= r.trimmed();
        }
        int left = findings.size() - shown;
        boolean trimmed = left > 0 || cut || diagnosis.nextSteps().size() > 1;

        // The budget re-checks every limit; by the shares above nothing is ever refused here.
        EmbedBudget message = new EmbedBudget();
        message.tryAdd(summary(diagnosis, findings, shown, left, source, trimmed));
        findingEmbeds.forEach(message::tryAdd);

        MessageCreateBuilder out = new MessageCreateBuilder()
                .setEmbeds(message.embeds())
                .setComponents(buttons)
                .setAllowedMentions(List.of())
                .mentionRepliedUser(false);
        if (trimmed) {
            byte[] report = DiagnosisReport.text(diagnosis, source).getBytes(StandardCharsets.UTF_8);
            out.setFiles(FileUpload.fromData(report, REPORT_FILE));
        }
        return out.build();
    }

    static List<Finding> worstFirst(List<Finding> findings) {
        // Stable: the engine's own order stands within one severity.
        return findings.stream().sorted(Comparator.comparing(Finding::severity)).toList();
    }

    /** How many findings get an embed: each needs a useful minimum of the message's characters. */
    private static int fitFindings(List<Finding> findings) {
        int room = MessageLimits.EMBED_TOTAL - SUMMARY_MAX;
        return Math.min(Math.min(findings.size(), FINDINGS_MAX), room / FindingEmbeds.MIN_LENGTH);
    }

    private static MessageEmbed summary(
            Diagnosis d, List<Finding> findings, int shown, int left, String source, boolean trimmed) {
        StringBuilder text = new StringBuilder();
        text.append("Read ").append(Trim.line(Sanitizer.text(source), 100)).append(": ").append(parts(d.parts())).append('.');
        if (!d.nextSteps().isEmpty()) {
            NextStep next = d.nextSteps().getFirst();
            text.append("\n**Next step:** ").append(Trim.line(next.why(), 300)).append('\n')
                    .append(Sanitizer.codeBlock(Trim.line(next.command(), 400)));
        }
        if (!d.notices().isEmpty()) {
            text.append("\n**Note:** ").append(Trim.line(Sanitizer.text(String.join("; ", d.notices())), 300));
        }
        if (!d.notChecked().isEmpty()) {
            text.append("\n**Not checked:** ").append(Trim.line(String.join("; ", d.notChecked()), 300));
        }
        if (left > 0) {
            text.append("\n… ").append(left).append(" more finding").append(left == 1 ? "" : "s")
                    .append(" in the attached report");
        } else if (trimmed) {
            text.append("\nSome details were shortened: the full report is attached.");
        }
        String ids = "findings: " + String.join(", ", findings.subList(0, shown).stream().map(Finding::id).toList())
                + (left > 0 ? " (+" + left + ")" : "");
        Severity worst = findings.isEmpty() ? Severity.INFO : findings.getFirst().severity();
        return new EmbedBuilder()
                .setTitle(Trim.line(title(findings), MessageLimits.EMBED_TITLE))
                .setDescription(Trim.markdown(text.toString(), SUMMARY_MAX - MessageLimits.EMBED_TITLE - FOOTER_MAX))
                .setColor(SeverityStyle.of(worst).color)
                .setFooter(Trim.line(ids, FOOTER_MAX))
                .build();
    }

    static String title(List<Finding> findings) {
        if (findings.isEmpty() || findings.stream().allMatch(f -> f.id().equals("none"))) {
            return "Diagnosis: nothing wrong in what you pasted";
        }
        if (findings.stream().allMatch(f -> f.id().equals("insufficient-info"))) {
            return "Diagnosis: not enough to go on";
        }
        List<String> counts = new ArrayList<>();
        for (Severity s : Severity.values()) {
            long n = findings.stream().filter(f -> f.severity() == s).count();
            if (n > 0) {
                String name = s.name().toLowerCase(java.util.Locale.ROOT);
                counts.add(n + " " + name + (n == 1 ? "" : "s"));
            }
        }
        return "Diagnosis: " + String.join(", ", counts);
    }

    static String parts(List<RecognizedPart> parts) {
        if (parts.isEmpty()) {
            return "nothing I recognise";
        }
        List<String> out = new ArrayList<>();
        int notUnderstood = 0;
        for (RecognizedPart p : parts) {
            out.add(p.kind() + " (lines " + p.firstLine() + "–" + p.lastLine() + ")");
            notUnderstood += p.notUnderstoodCount();
        }
        String joined = Trim.line(String.join(", ", out), 400);
        return notUnderstood == 0 ? joined : joined + ", " + notUnderstood + " lines not understood";
    }
}
