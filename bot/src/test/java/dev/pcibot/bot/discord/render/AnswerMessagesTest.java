package dev.pcibot.bot.discord.render;

import static dev.pcibot.bot.discord.render.Limits.assertWithinDiscordLimits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pcibot.kb.diagnose.Severity;
import dev.pcibot.kb.search.SearchResult;
import java.util.List;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.Test;

final class AnswerMessagesTest {
    @Test
    void answerShowsSectionLinkSnippetAndEachCommandInItsOwnBlock() {
        SearchResult result = Samples.answered(3);
        MessageCreateData m = AnswerMessages.render(result, List.of(), 0, ReplyButtons.forAnswer(5, 0, true, 42));

        assertWithinDiscordLimits(m);
        MessageEmbed e = m.getEmbeds().get(0);
        assertEquals("Proxmox VE Administration Guide › PCI(e) Passthrough › Host Device Passthrough", e.getTitle());
        assertEquals("https://pve.proxmox.com/pve-docs/pve-admin-guide.html#pve_s0", e.getUrl());
        assertTrue(e.getDescription().startsWith("Enable the **IOMMU**"));
        assertTrue(e.getDescription().contains("**Commands to copy**\n```\ndmesg | grep -e DMAR -e IOMMU -e AMD-Vi\n```\n```\nlspci -nnk\n```"));
        assertEquals("section: pve/s0 · answer 1 of 3 · official", e.getFooter().getText());
        List<String> ids = buttonIds(m);
        assertEquals(List.of("fb:up:5:0", "fb:down:5:0", "ask:more:5:1", "ts:walk:5", "del:me:42"), ids);
    }

    @Test
    void lastPageHasNoShowMore() {
        SearchResult result = Samples.answered(2);
        MessageCreateData m = AnswerMessages.render(result, List.of(), 1, ReplyButtons.forAnswer(5, 1, false, 42));
        assertEquals("section: pve/s1 · answer 2 of 2 · official", m.getEmbeds().get(0).getFooter().getText());
        assertFalse(buttonIds(m).stream().anyMatch(id -> id.startsWith("ask:more")));
        assertEquals(List.of(List.of("pve/s0"), List.of("pve/s1")), AnswerMessages.pageItems(result, List.of()));
    }

    @Test
    void noGoodAnswerIsSaidPlainlyAndEchoesTheQuestionSafely() {
        SearchResult none = new SearchResult("docker @everyone ```compose```", false, List.of());
        MessageCreateData m = AnswerMessages.render(none, List.of(), 0, ReplyButtons.forAnswer(5, 0, false, 42));

        assertWithinDiscordLimits(m);
        MessageEmbed e = m.getEmbeds().get(0);
        assertEquals(AnswerMessages.NO_GOOD_ANSWER, e.getTitle());
        assertFalse(e.getDescription().contains("@everyone"));
        assertFalse(e.getDescription().contains("```"));
        assertEquals(List.of(List.of(AnswerMessages.NO_ANSWER_ITEM)), AnswerMessages.pageItems(none, List.of()));
    }

    @Test
    void quotedKernelMessagePutsItsFindingFirst() {
        var finding = Samples.finding("group-not-viable", Severity.BLOCKER, List.of());
        SearchResult result = Samples.answered(1);
        MessageCreateData m = AnswerMessages.render(result, List.of(finding), 0, List.of());
        assertEquals(2, m.getEmbeds().size());
        assertTrue(m.getEmbeds().get(0).getTitle().contains("Title of group-not-viable"));
        assertEquals(List.of(List.of("group-not-viable", "pve/s0")), AnswerMessages.pageItems(result, List.of(finding)));
    }

    @Test
    void hugeSnippetAndManyCommandsAreTrimmedWithinLimits() {
        var hit = Samples.hit("pve/big", "word ".repeat(5000), java.util.Collections.nCopies(40, "qm set 100 -hostpci0 0000:01:00,pcie=1,x-vga=1 " + "y".repeat(300)));
        MessageCreateData m = AnswerMessages.render(new SearchResult("q", true, List.of(hit)), List.of(), 0, List.of());
        assertWithinDiscordLimits(m);
        assertTrue(m.getEmbeds().get(0).getDescription().contains("more in the section"));
    }

    @Test
    void quotedMessageWithoutMatchingSectionShowsTheFindingsNotNoGoodAnswer() {
        var viable = Samples.finding("group-not-viable", Severity.BLOCKER, List.of());
        var bar = Samples.finding("bar-reserve-conflict-efifb", Severity.PROBLEM, List.of());
        SearchResult none = new SearchResult("group 13 is not viable BAR 3: can't reserve", false, List.of());
        MessageCreateData m = AnswerMessages.render(none, List.of(viable, bar), 0, List.of());
        assertWithinDiscordLimits(m);
        assertEquals(2, m.getEmbeds().size());
        assertFalse(m.getEmbeds().stream().anyMatch(e -> AnswerMessages.NO_GOOD_ANSWER.equals(e.getTitle())));
        assertEquals(List.of(List.of("group-not-viable", "bar-reserve-conflict-efifb")), AnswerMessages.pageItems(none, List.of(viable, bar)));
    }

    @Test
    void shellCommentsInAPassageAreNotReadAsHeadingsOrQuotes() {
        assertEquals("\\# Check IOMMU **group**\nreadlink /sys/bus/pci/devices/0000:01:00.0/iommu_group\n  \\> quoted\nplain # not at start",
                AnswerMessages.snippet("# Check IOMMU **group**\nreadlink /sys/bus/pci/devices/0000:01:00.0/iommu_group\n  > quoted\nplain # not at start"));
    }

    private static List<String> buttonIds(MessageCreateData m) {
        return m.getComponents().stream()
                .flatMap(c -> ((ActionRow) c).getButtons().stream())
                .map(Button::getCustomId)
                .toList();
    }
}
