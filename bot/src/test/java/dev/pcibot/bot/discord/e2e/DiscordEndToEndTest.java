package dev.pcibot.bot.discord.e2e;

import static dev.pcibot.bot.discord.e2e.BotUnderTest.fixture;
import static dev.pcibot.bot.discord.e2e.BotUnderTest.newUser;
import static dev.pcibot.bot.discord.fake.InteractionPayloads.autocomplete;
import static dev.pcibot.bot.discord.fake.InteractionPayloads.button;
import static dev.pcibot.bot.discord.fake.InteractionPayloads.messageCommand;
import static dev.pcibot.bot.discord.fake.InteractionPayloads.modalSubmit;
import static dev.pcibot.bot.discord.fake.InteractionPayloads.slash;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pcibot.bot.discord.fake.FakeDiscord;
import dev.pcibot.bot.discord.fake.FakeWorld;
import dev.pcibot.bot.discord.fake.RecordedCall;
import dev.pcibot.bot.discord.fake.Reply;
import dev.pcibot.bot.discord.fake.SentInteraction;
import dev.pcibot.kb.search.KbSearcher;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The service end to end through a fake Discord: real interaction payloads over the gateway, the
 * real JDA and Micronaut app, assertions on what the bot sent back over REST. After every test the
 * fake must have seen no broken rule (3-second ack, one callback, every message limit, pings,
 * fences) and JDA must have logged no error.
 */
class DiscordEndToEndTest {
    private static final int RATE_LIMIT = 6;
    private static final Pattern SECTION = Pattern.compile("section: (\\S+)");

    private static BotUnderTest bot;
    private static FakeDiscord discord;

    @BeforeAll
    static void start() {
        bot = BotUnderTest.start(Map.of(
                "discord.rate-limit.requests", RATE_LIMIT,
                "discord.rate-limit.window", "60s"));
        discord = bot.discord;
    }

    @AfterAll
    static void stop() {
        if (bot != null) {
            bot.close();
        }
    }

    @AfterEach
    void keptDiscordsRules() {
        discord.assertNoViolations();
        bot.jdaErrors.assertNoErrors();
    }

    @Test
    void commandsAreRegisteredOnTheConfiguredServer() {
        List<String> names = new ArrayList<>();
        discord.awaitCommands(Long.toString(FakeWorld.GUILD_ID)).forEach(c -> names.add(c.path("name").asText()));
        assertTrue(names.containsAll(List.of("ask", "diagnose", "Diagnose this message")), names.toString());
        assertFalse(discord.commands().containsKey("global"), "per-server registration only");
    }

    @Test
    void askAnswersWithCitationLinkAndCommandsToCopy() {
        SentInteraction ask = discord.send(slash("ask").option("question", "How do I enable IOMMU on an Intel CPU?").by(newUser()));
        Reply reply = ask.awaitReply();
        JsonNode answer = reply.embeds().get(0);
        assertTrue(answer.path("url").asText().startsWith("https://"), "title links to the cited section: " + answer);
        assertTrue(reply.text().contains("```"), "commands in a code block: " + reply.text());
        assertTrue(reply.text().contains("intel_iommu=on"), reply.text());
        assertTrue(footer(answer).contains("section: "), "footer names the section");
        assertTrue(reply.ephemeral(), "not a public channel: only the asker sees it; " + ask.calls());
        assertTrue(reply.buttonLabels().containsAll(List.of("👍 Helpful", "👎 Not helpful", "Delete")), reply.buttonLabels().toString());
    }

    @Test
    void questionsAndDiagnosesAnsweredInDiscordAreCountedOnMetrics() {
        MeterRegistry registry = bot.app.getBean(MeterRegistry.class);
        double searches = count(registry, "pcibot.searches");
        double diagnoses = count(registry, "pcibot.diagnoses");
        discord.send(slash("ask").option("question", "how do I see my iommu groups").by(newUser())).awaitReply();
        discord.send(slash("diagnose").option("text", fixture("three-findings.txt")).by(newUser())).awaitReply();
        assertEquals(searches + 1, count(registry, "pcibot.searches"), "the /ask, under door=discord");
        assertEquals(diagnoses + 1, count(registry, "pcibot.diagnoses"), "the /diagnose, under door=discord");
    }

    private static double count(MeterRegistry registry, String name) {
        return registry.find(name).tag("door", "discord").counters().stream().mapToDouble(Counter::count).sum();
    }

    @Test
    void askWithoutAnAnswerSaysSoPlainly() {
        Reply reply = discord.send(slash("ask").option("question", "best pizza topping in naples tonight").by(newUser()))
                .awaitReply();
        assertEquals("No good answer", reply.embeds().get(0).path("title").asText(), reply.text());
    }

    @Test
    void autocompleteOffersAtMost25SectionTitles() {
        Reply reply = discord.send(autocomplete("ask", "question", "iommu").by(newUser())).awaitReply();
        assertEquals(8, reply.callbackType());
        List<String> titles = reply.choiceNames();
        assertFalse(titles.isEmpty());
        assertTrue(titles.size() <= 25, titles.toString());
        assertTrue(titles.stream().anyMatch(t -> t.toLowerCase().contains("iommu")), titles.toString());
        List<String> sections = bot.app.getBean(KbSearcher.class).suggestTitles("iommu", 25);
        for (String title : titles) {
            String shown = title.endsWith("…") ? title.substring(0, title.length() - 1) : title;
            assertTrue(sections.stream().anyMatch(section -> section.startsWith(shown)), title + " is a section title");
        }
    }

    @Test
    void diagnoseTextListsFindingsWorstFirstWithTheNextStep() {
        Reply reply = discord.send(slash("diagnose").option("text", fixture("three-findings.txt")).by(newUser()))
                .awaitReply();
        List<String> titles = findingTitles(reply);
        assertEquals(3, titles.size(), titles.toString());
        assertTrue(titles.get(0).contains("Blocker") && titles.get(0).contains("viable"), titles.toString());
        assertTrue(titles.get(1).contains("Problem"), titles.toString());
        assertTrue(titles.get(2).contains("Warning"), titles.toString());
        String summary = reply.embeds().get(0).path("description").asText();
        assertTrue(summary.contains("**Next step:**") && summary.contains("```"), summary);
        assertTrue(footer(reply.embeds().get(0))
                .contains("group-not-viable, bar-reserve-conflict-efifb, acs-override-enabled"), reply.text());
    }

    @Test
    void diagnoseReadsATextAttachmentWithoutSendingTheToken() {
        ObjectNode file = discord.attachment("dmesg.txt", "text/plain; charset=utf-8",
                fixture("three-findings.txt").getBytes(StandardCharsets.UTF_8));
        Reply reply = discord.send(slash("diagnose").attachment("file", file).by(newUser())).awaitReply();
        assertEquals(3, findingTitles(reply).size(), reply.text());
        assertTrue(reply.text().contains("dmesg.txt"), "names what it read: " + reply.text());
        List<RecordedCall> downloads = discord.calls("GET", "/attachments/");
        assertTrue(downloads.stream().anyMatch(d -> d.route().endsWith("/dmesg.txt")), downloads.toString());
    }

    @Test
    void binaryAndOversizedAttachmentsGetAClearMessage() {
        ObjectNode image = discord.attachment("screenshot.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0});
        Reply png = discord.send(slash("diagnose").attachment("file", image).by(newUser())).awaitReply();
        assertTrue(png.content().contains("not a text file"), png.content());
        assertTrue(png.ephemeral());

        byte[] nul = "[    0.000000] Linux version 6.8.12-4-pve\n\0\0\0\0binary".getBytes(StandardCharsets.UTF_8);
        ObjectNode disguised = discord.attachment("dmesg.txt", "text/plain", nul);
        Reply binary = discord.send(slash("diagnose").attachment("file", disguised).by(newUser())).awaitReply();
        assertTrue(binary.content().contains("binary data"), binary.content());

        ObjectNode huge = discord.attachment("journal.log", "text/plain", new byte[9 * 1024 * 1024]);
        Reply tooBig = discord.send(slash("diagnose").attachment("file", huge).by(newUser())).awaitReply();
        assertTrue(tooBig.content().contains("the limit is 8"), tooBig.content());
        assertFalse(discord.calls("GET", "/attachments/").stream().anyMatch(d -> d.route().endsWith("/journal.log")),
                "an oversized file is refused from its size, without downloading it");
    }

    @Test
    void contextMenuDiagnosesTheCodeBlockOfSomeoneElsesMessage() {
        ObjectNode pasted = FakeWorld.userMessage(FakeWorld.CHANNEL_ID, FakeWorld.BYSTANDER_ID,
                "my gpu won't start, help:\n```\n" + fixture("three-findings.txt") + "```\nthanks!", List.of());
        Reply reply = discord.send(messageCommand("Diagnose this message", pasted).by(newUser())).awaitReply();
        assertEquals(3, findingTitles(reply).size(), reply.text());
    }

    @Test
    void theAuthorOfADiagnosedMessageCanDeleteTheDiagnosisAndABystanderCannot() throws Exception {
        long author = newUser();
        ObjectNode pasted = FakeWorld.userMessage(FakeWorld.CHANNEL_ID, author,
                "```\n" + fixture("three-findings.txt") + "```", List.of());
        SentInteraction diagnose = discord.send(messageCommand("Diagnose this message", pasted).by(newUser()));
        Reply reply = diagnose.awaitReply();
        ObjectNode current = discord.message(diagnose.originalMessageId()).orElseThrow();

        Reply refused = discord.send(button(reply.customIdStartingWith("del:"), current).by(FakeWorld.BYSTANDER_ID))
                .awaitReply();
        assertTrue(refused.content().contains("or the author of the diagnosed message"), refused.content());
        assertFalse(discord.isDeleted(diagnose.originalMessageId()));

        SentInteraction delete = discord.send(button(reply.customIdStartingWith("del:"), current).by(author));
        delete.awaitAck();
        awaitDeleted(diagnose.originalMessageId(), delete);
    }

    @Test
    void contextMenuReadsTheTextAttachmentOfAMessage() {
        ObjectNode file = discord.attachment("lspci-and-dmesg.log", "text/plain; charset=utf-8",
                fixture("three-findings.txt").getBytes(StandardCharsets.UTF_8));
        ObjectNode pasted = FakeWorld.userMessage(FakeWorld.CHANNEL_ID, FakeWorld.BYSTANDER_ID,
                "passthrough fails, log attached", List.of(file));
        Reply reply = discord.send(messageCommand("Diagnose this message", pasted).by(newUser())).awaitReply();
        assertEquals(3, findingTitles(reply).size(), reply.text());
    }

    @Test
    void diagnoseWithNothingOpensAPasteFormWhoseSubmitIsDiagnosed() {
        long user = newUser();
        Reply form = discord.send(slash("diagnose").by(user)).awaitReply();
        assertEquals(9, form.callbackType(), "a modal");
        String formId = form.message().path("custom_id").asText();
        String inputId = form.message().path("components").findValue("custom_id").asText();
        Reply reply = discord.send(modalSubmit(formId, Map.of(inputId, fixture("three-findings.txt"))).by(user))
                .awaitReply();
        assertEquals(3, findingTitles(reply).size(), reply.text());
    }

    @Test
    void showMoreBySomeoneElseShowsThemTheNextPagePrivately() {
        SentInteraction ask = discord.send(slash("ask").option("question", "IOMMU groups").by(newUser()));
        Reply answer = ask.awaitReply();
        String before = discord.originalMessage(ask).toString();
        Reply page2 = discord.send(button(answer.customIdStartingWith("ask:more:"), discord.originalMessage(ask))
                .by(newUser())).awaitReply();
        assertTrue(page2.ephemeral());
        assertTrue(footer(page2.embeds().get(0)).contains("answer 2 of"), page2.text());
        assertEquals(before, discord.message(ask.originalMessageId()).orElseThrow().toString(),
                "the asker's message is not paged by someone else");
    }

    @Test
    void helpfulIsStoredPerSectionShowMorePagesDeleteOnlyByTheAsker() throws Exception {
        long asker = newUser();
        SentInteraction ask = discord.send(slash("ask").option("question", "vfio-pci ids in modprobe.d").by(asker));
        Reply answer = ask.awaitReply();
        ObjectNode message = discord.originalMessage(ask);
        String section = section(answer.embeds().get(0));

        Reply thanks = discord.send(button(answer.customIdStartingWith("fb:up:"), message).by(asker)).awaitReply();
        assertTrue(thanks.content().contains(section), thanks.content());
        long replyId = Long.parseLong(answer.customIdStartingWith("fb:up:").split(":")[2]);
        assertEquals(List.of(section + " helpful=true user=" + asker), votes(replyId));

        Reply page2 = discord.send(button(answer.customIdStartingWith("ask:more:"), message).by(asker)).awaitReply();
        assertTrue(footer(page2.embeds().get(0)).contains("answer 2 of"), page2.text());
        assertFalse(section.equals(section(page2.embeds().get(0))), "the next hit, not the same one");

        ObjectNode current = discord.message(ask.originalMessageId()).orElseThrow();
        Reply refused = discord.send(button(answer.customIdStartingWith("del:"), current).by(FakeWorld.BYSTANDER_ID))
                .awaitReply();
        assertTrue(refused.content().contains("Only the person who asked"), refused.content());
        assertFalse(discord.isDeleted(ask.originalMessageId()));

        SentInteraction delete = discord.send(button(answer.customIdStartingWith("del:"), current).by(asker));
        delete.awaitAck();
        awaitDeleted(ask.originalMessageId(), delete);
    }

    @Test
    void rateLimitSaysWhenToTryAgain() {
        long user = newUser();
        for (int i = 0; i < RATE_LIMIT; i++) {
            Reply allowed = discord.send(slash("pcibot").subcommand("public-channel", "list").by(user)).awaitReply();
            assertFalse(allowed.content().contains("try again in"), allowed.content());
        }
        Reply limited = discord.send(slash("pcibot").subcommand("public-channel", "list").by(user)).awaitReply();
        Matcher wait = Pattern.compile("try again in (\\d+) s").matcher(limited.content());
        assertTrue(wait.find(), limited.content());
        int seconds = Integer.parseInt(wait.group(1));
        assertTrue(seconds >= 1 && seconds <= 60, limited.content());
    }

    @Test
    void aServerTheBotDoesNotServeIsRefusedAtEveryEntryPoint() {
        long user = newUser();
        long channel = FakeWorld.OTHER_GUILD_CHANNEL_ID;
        ObjectNode botMessage = FakeWorld.userMessage(channel, FakeWorld.BOT_ID, "an old answer", List.of());
        ObjectNode pasted = FakeWorld.userMessage(channel, FakeWorld.BYSTANDER_ID, fixture("three-findings.txt"), List.of());
        List<Reply> refusals = List.of(
                discord.send(slash("ask").option("question", "iommu").in(channel).by(user)).awaitReply(),
                discord.send(button("fb:up:1:0", botMessage).in(channel).by(user)).awaitReply(),
                discord.send(messageCommand("Diagnose this message", pasted).by(user)).awaitReply(),
                discord.send(modalSubmit("dx:paste", Map.of("output", "dmesg")).in(channel).by(user)).awaitReply());
        for (Reply refusal : refusals) {
            assertEquals("This bot is not enabled on this server.", refusal.content());
            assertTrue(refusal.ephemeral());
        }
        Reply choices = discord.send(autocomplete("ask", "question", "iommu").in(channel).by(user)).awaitReply();
        assertEquals(List.of(), choices.choiceNames(), "autocomplete is refused with no choices");
    }

    @Test
    void directMessagesAreRefusedWhenOnlyCertainServersAreServed() {
        Reply reply = discord.send(slash("ask").option("question", "iommu").inDirectMessage().by(newUser())).awaitReply();
        assertTrue(reply.content().contains("not in direct messages"), reply.content());
    }

    @Test
    void aChannelTheBotDoesNotServeIsRefused() {
        Reply reply = discord.send(slash("ask").option("question", "iommu").in(FakeWorld.OTHER_CHANNEL_ID).by(newUser()))
                .awaitReply();
        assertTrue(reply.content().startsWith("I don't answer in this channel"), reply.content());
    }

    @Test
    void pingsAndCodeFencesInAPasteAreNeutralised() {
        Reply reply = discord.send(slash("diagnose").option("text", fixture("mentions-and-fence.txt")).by(newUser()))
                .awaitReply();
        String text = reply.text();
        assertTrue(text.contains("BAR 3"), "the evidence is echoed: " + text);
        assertFalse(text.contains("@everyone") || text.contains("@here") || text.contains("<@&1234>"), text);
        assertEquals("[]", reply.message().path("allowed_mentions").path("parse").toString(), "no mention type may ping");
        // the fake already refused any message with an odd number of ``` (a broken-out code block)
    }

    @Test
    void aHugeDiagnosisIsTrimmedWithAMarkerAndTheFullReportAttached() {
        Reply reply = discord.send(slash("diagnose").option("text", fixture("many-findings.txt")).by(newUser()))
                .awaitReply();
        assertTrue(reply.embeds().size() <= 10);
        assertTrue(reply.text().contains("more findings in the attached report"), reply.text());
        assertEquals(1, reply.files().size(), reply.files().toString());
        String report = reply.files().get(0).text();
        for (String id : List.of("cmdline-param-typo", "flr-timeout", "pending-transaction-timeout", "kvm-msr-noise")) {
            assertTrue(report.contains(id), id + " in the report");
        }
    }

    @Test
    void publicChannelsAreChosenByTheServerAdmins() {
        Reply added = discord.send(slash("pcibot").subcommand("public-channel", "add").by(FakeWorld.MODERATOR_ID))
                .awaitReply();
        assertTrue(added.content().contains("now public"), added.content());
        try {
            Reply answer = discord.send(slash("ask").option("question", "iommu groups").by(newUser())).awaitReply();
            assertFalse(answer.ephemeral(), "public in a channel the admins chose");
        } finally {
            Reply removed = discord.send(slash("pcibot").subcommand("public-channel", "remove").by(FakeWorld.MODERATOR_ID))
                    .awaitReply();
            assertTrue(removed.content().contains("only visible"), removed.content());
        }
        Reply refused = discord.send(slash("pcibot").subcommand("public-channel", "add").by(newUser())).awaitReply();
        assertTrue(refused.content().contains("Manage Server"), refused.content());
    }

    private static List<String> findingTitles(Reply reply) {
        List<String> titles = new ArrayList<>();
        for (int i = 1; i < reply.embeds().size(); i++) {
            titles.add(reply.embeds().get(i).path("title").asText());
        }
        return titles;
    }

    private static String section(JsonNode embed) {
        Matcher matcher = SECTION.matcher(footer(embed));
        assertTrue(matcher.find(), "footer names the section: " + embed);
        return matcher.group(1);
    }

    private static String footer(JsonNode embed) {
        return embed.path("footer").path("text").asText();
    }

    private static List<String> votes(long replyId) throws Exception {
        DataSource db = bot.app.getBean(DataSource.class);
        List<String> votes = new ArrayList<>();
        try (Connection connection = db.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT item_id, helpful, user_id FROM feedback WHERE reply_id = ? ORDER BY item_id")) {
            query.setLong(1, replyId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    votes.add(rows.getString(1) + " helpful=" + rows.getBoolean(2) + " user=" + rows.getLong(3));
                }
            }
        }
        return votes;
    }

    private static void awaitDeleted(long messageId, SentInteraction by) throws InterruptedException {
        for (int i = 0; i < 500 && !discord.isDeleted(messageId); i++) {
            Thread.sleep(20);
        }
        assertTrue(discord.isDeleted(messageId), "message deleted by the asker; calls: " + by.calls());
    }
}
