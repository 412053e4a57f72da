package dev.pcibot.bot.discord.render;

import dev.pcibot.kb.diagnose.Finding;
import dev.pcibot.kb.search.Citation;
import java.util.List;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.MessageEmbed;

/**
 * One finding as one embed of at most a given length: title with severity, what it means, the
 * evidence lines as pasted (scrubbed), the fix, and the guide sections that say so. Pieces are cut
 * in that order of importance: evidence and fix keep the most room.
 */
public final class FindingEmbeds {
    /** Below this an embed cannot show a finding usefully; callers show fewer findings instead. */
    public static final int MIN_LENGTH = 400;

    static final int EVIDENCE_LINE = 300;
    static final int MAX_CITATIONS = 3;

    private FindingEmbeds() {}

    /** The embed and whether anything of the finding had to be left out. */
    public record Rendered(MessageEmbed embed, boolean trimmed) {}

    public static Rendered render(Finding finding, int maxLength) {
        int max = Math.max(MIN_LENGTH, Math.min(maxLength, MessageLimits.EMBED_DESCRIPTION + MessageLimits.EMBED_TITLE));
        String title = Trim.line(SeverityStyle.of(finding.severity()).label + " · " + Sanitizer.text(finding.title()), Math.min(MessageLimits.EMBED_TITLE, max / 4));
        int room = Math.min(MessageLimits.EMBED_DESCRIPTION, max - title.length());

        String sources = sources(finding.citations(), room / 5);
        int body = room - sources.length() - 2;
        String detail = finding.detail().isBlank() ? "" : "*" + Trim.line(Sanitizer.text(finding.detail().strip()), body / 5 - 2) + "*";
        Evidence evidence = evidence(finding.evidence(), body * 2 / 5);
        String fullFix = finding.fix().isBlank() ? "" : "**Fix**\n" + Prose.unwrap(finding.fix());
        int left = Math.max(0, body - detail.length() - evidence.text.length() - 4);
        String fix = Trim.markdown(fullFix, left * 3 / 4);
        String fullMeaning = Sanitizer.text(Prose.firstParagraph(finding.meaning()));
        String meaning = Trim.sentences(fullMeaning, Math.max(0, left - fix.length()));

        StringBuilder description = new StringBuilder();
        append(description, detail);
        append(description, meaning);
        append(description, evidence.text);
        append(description, fix);
        append(description, sources);
        String text = Trim.markdown(description.toString(), room);

        boolean trimmed = evidence.trimmed
                || !fix.equals(fullFix)
                || !meaning.equals(Sanitizer.text(Prose.unwrap(finding.meaning())))
                || finding.citations().size() > MAX_CITATIONS
                || !text.contentEquals(description)
                || !title.endsWith(Sanitizer.text(finding.title()));
        MessageEmbed embed = new EmbedBuilder()
                .setTitle(title)
                .setDescription(text)
                .setColor(SeverityStyle.of(finding.severity()).color)
                .build();
        return new Rendered(embed, trimmed);
    }

    /** Markdown links to the cited sections, best first; empty when there are none. */
    static String sources(List<Citation> citations, int max) {
        if (citations.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("**Source:** ");
        int shown = 0;
        for (Citation c : citations.subList(0, Math.min(MAX_CITATIONS, citations.size()))) {
            String link = CitationLinks.markdown(c);
            if (out.length() + link.length() + 2 > max) {
                break;
            }
            out.append(shown++ == 0 ? "" : ", ").append(link);
        }
        return shown == 0 ? "" : out.toString();
    }

    private record Evidence(String text, boolean trimmed) {}

    private static Evidence evidence(List<String> lines, int max) {
        if (lines.isEmpty()) {
            return new Evidence("", false);
        }
        String head = "**Evidence**\n";
        int budget = max - head.length() - 8 - 40; // fences, and room for the "more lines" note
        StringBuilder block = new StringBuilder();
        int shown = 0;
        boolean cutLine = false;
        for (String line : lines) {
            String one = Trim.line(line, EVIDENCE_LINE);
            if (block.length() + one.length() + 1 > budget) {
                break;
            }
            cutLine |= !one.equals(line);
            block.append(shown++ == 0 ? "" : "\n").append(one);
        }
        if (shown == 0) {
            return new Evidence("", true);
        }
        int more = lines.size() - shown;
        String note = more > 0 ? "\n… " + more + " more line" + (more == 1 ? "" : "s") + " in the report" : "";
        return new Evidence(head + Sanitizer.codeBlock(block.toString()) + note, cutLine || more > 0);
    }

    private static void append(StringBuilder out, String part) {
        if (part.isEmpty()) {
            return;
        }
        if (!out.isEmpty()) {
            out.append('\n');
        }
        out.append(part);
    }
}
