package dev.pcibot.bot.discord.render;

import dev.pcibot.ingest.Authority;
import dev.pcibot.kb.diagnose.Finding;
import dev.pcibot.kb.search.Citation;
import dev.pcibot.kb.search.MatchLevel;
import dev.pcibot.kb.search.SearchHit;
import dev.pcibot.kb.search.SearchResult;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * An answer to {@code /ask} as one message per page: page N shows hit N (its section, the matched
 * passage, the commands to copy, where else it is said), and page 0 puts the findings first when
 * the question quoted messages the diagnosis knows. "No good answer" is said plainly.
 */
public final class AnswerMessages {
    public static final String NO_GOOD_ANSWER = "No good answer";
    /** The feedback item of a "no good answer" reply: votes say whether it was right to give up. */
    public static final String NO_ANSWER_ITEM = "no-good-answer";

    static final int MAX_COMMANDS = 5;
    static final int COMMANDS_MAX = 1500;
    static final int SNIPPET_MAX = 1800;
    /** Findings shown above the first hit; the rest are named in the footer. */
    static final int MAX_FINDINGS = 3;
    static final int FINDINGS_ROOM = 3600;

    private AnswerMessages() {}

    /** Per page, the section and finding ids it shows: what helpful / not helpful is stored against. */
    public static List<List<String>> pageItems(SearchResult result, List<Finding> findings) {
        List<String> findingIds = findings.stream().limit(MAX_FINDINGS).map(Finding::id).toList();
        if (!result.answered() || result.hits().isEmpty()) {
            return List.of(findingIds.isEmpty() ? List.of(NO_ANSWER_ITEM) : findingIds);
        }
        List<List<String>> pages = new ArrayList<>();
        for (SearchHit hit : result.hits()) {
            List<String> items = new ArrayList<>();
            if (pages.isEmpty()) {
                items.addAll(findingIds);
            }
            items.add(hit.citation().sectionId());
            pages.add(items);
        }
        return pages;
    }

    public static int pageCount(SearchResult result) {
        return Math.max(1, result.answered() ? result.hits().size() : 0);
    }

    /** Page {@code page} of the answer; findings (quoted messages) only on the first page. */
    public static MessageCreateData render(
            SearchResult result, List<Finding> findings, int page, List<ActionRow> buttons) {
        EmbedBudget budget = new EmbedBudget();
        if (page == 0 && !findings.isEmpty()) {
            List<Finding> shown = findings.subList(0, Math.min(MAX_FINDINGS, findings.size()));
            for (Finding f : shown) {
                budget.tryAdd(FindingEmbeds.render(f, FINDINGS_ROOM / shown.size()).embed());
            }
        }
        if (!result.answered() || result.hits().isEmpty()) {
            if (findings.isEmpty()) {
                budget.tryAdd(noGoodAnswer(result.query()));
            }
        } else {
            int index = Math.min(Math.max(page, 0), result.hits().size() - 1);
            budget.tryAdd(hit(result.hits().get(index), index, result.hits().size(), budget.remaining(),
                    result.level() == MatchLevel.CLOSEST));
        }
        return new MessageCreateBuilder()
                .setEmbeds(budget.embeds())
                .setComponents(buttons)
                .setAllowedMentions(List.of())
                .mentionRepliedUser(false)
                .build();
    }

    static MessageEmbed noGoodAnswer(String query) {
        String q = Trim.line(Sanitizer.text(query).replace("`", "'"), 300);
        return new EmbedBuilder()
                .setTitle(NO_GOOD_ANSWER)
                .setDescription("The guides I know do not answer “" + q + "” well enough to cite them.\n"
                        + "Try other words: the exact kernel message, a command (`lspci -nnk`), a term such as "
                        + "`vfio-pci` or `IOMMU group`. If something fails, paste its output to `/diagnose`.")
                .setColor(0x757575)
                .build();
    }

    /**
     * One hit as an embed; {@code closest} marks a weaker match (no section answers squarely): the
     * footer says "closest section" instead of "answer", the colour is amber instead of green.
     */
    static MessageEmbed hit(SearchHit hit, int index, int total, int maxLength, boolean closest) {
        Citation c = hit.citation();
        String title = Trim.line(CitationLinks.label(c), MessageLimits.EMBED_TITLE);
        String footer = Trim.line("section: " + c.sectionId() + " · " + (closest ? "closest section " : "answer ")
                + (index + 1) + " of " + total
                + " · " + Authority.labelOf(hit.authority()).toLowerCase(java.util.Locale.ROOT), 300);
        int room = Math.min(MessageLimits.EMBED_DESCRIPTION, maxLength - title.length() - footer.length());

        StringBuilder text = new StringBuilder(Trim.markdown(snippet(hit.snippet()), SNIPPET_MAX));
        if (hit.correction() != null && !hit.correction().isBlank()) {
            text.append("\n\n⚠️ **Correction from the official guide:** ").append(Trim.markdown(hit.correction().strip(), 800));
        }
        String commands = commands(hit.commands());
        if (!commands.isEmpty()) {
            text.append("\n\n**Commands to copy**\n").append(commands);
        }
        String also = alsoIn(hit.alsoIn());
        if (!also.isEmpty()) {
            text.append("\n\n").append(also);
        }
        EmbedBuilder embed = new EmbedBuilder()
                .setDescription(Trim.markdown(text.toString(), room))
                .setColor(closest ? 0xF9A825 : 0x2E7D32)
                .setFooter(footer);
        if (c.url().startsWith("http") && c.url().length() <= MessageEmbed.URL_MAX_LENGTH) {
            embed.setTitle(title, c.url());
        } else {
            embed.setTitle(title);
        }
        return embed.build();
    }

    /**
     * The matched passage as prose. Passages quote shell comments and config lines; at the start of
     * a line Discord would read "# Check" as a heading and "> x" as a quote, so those are escaped.
     */
    static String snippet(String snippet) {
        return LINE_MARKUP.matcher(Sanitizer.text(snippet.strip())).replaceAll("$1\\\\$2");
    }

    private static final java.util.regex.Pattern LINE_MARKUP = java.util.regex.Pattern.compile("(?m)^(\\s*)(#|>|-#)");

    /** Each command in its own code block, so one tap copies one command. */
    static String commands(List<String> commands) {
        StringBuilder out = new StringBuilder();
        int shown = 0;
        for (String command : commands) {
            String block = Sanitizer.codeBlock(Trim.line(command.strip(), 400));
            if (shown == MAX_COMMANDS || out.length() + block.length() + 1 > COMMANDS_MAX) {
                out.append("\n… ").append(commands.size() - shown).append(" more in the section");
                break;
            }
            out.append(shown++ == 0 ? "" : "\n").append(block);
        }
        return out.toString();
    }

    static String alsoIn(List<Citation> alsoIn) {
        if (alsoIn.isEmpty()) {
            return "";
        }
        List<String> links = alsoIn.stream().limit(3).map(CitationLinks::markdown).toList();
        return Trim.line("Also in: " + String.join(", ", links), 700);
    }
}
