package dev.pcibot.bot.discord.e2e;

import static dev.pcibot.bot.discord.e2e.BotUnderTest.newUser;
import static dev.pcibot.bot.discord.fake.InteractionPayloads.button;
import static dev.pcibot.bot.discord.fake.InteractionPayloads.modalSubmit;
import static dev.pcibot.bot.discord.fake.InteractionPayloads.slash;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pcibot.bot.converse.AdjustableClock;
import dev.pcibot.bot.discord.fake.FakeDiscord;
import dev.pcibot.bot.discord.fake.FakeWorld;
import dev.pcibot.bot.discord.fake.Reply;
import dev.pcibot.bot.discord.fake.SentInteraction;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /troubleshoot} through the fake Discord: a whole conversation by buttons and forms, other
 * users' clicks, a double click, an expired conversation, and a restart of the service mid-way.
 */
class TroubleshootEndToEndTest {
    private static BotUnderTest bot;
    private static FakeDiscord discord;

    @BeforeAll
    static void start() {
        bot = BotUnderTest.start(Map.of("discord.rate-limit.requests", 40)); // a walk is ~2 interactions per step
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

    static String paste(String name) {
        try (InputStream in = TroubleshootEndToEndTest.class.getResourceAsStream("/converse/healthy/" + name + ".txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The step message as it stands, and the reply that showed it. */
    record Shown(SentInteraction origin, Reply reply) {
        String title() {
            return reply.heading();
        }

        String description() {
            return reply.text();
        }
    }

    private static Shown begin(long user, String... options) {
        var command = slash("troubleshoot").by(user);
        for (int i = 0; i + 1 < options.length; i += 2) {
            command.option(options[i], options[i + 1]);
        }
        SentInteraction sent = discord.send(command);
        return new Shown(sent, sent.awaitReply());
    }

    private static ObjectNode message(Shown shown) {
        return discord.message(shown.origin().originalMessageId()).orElseThrow();
    }

    /** Clicks "Paste the output", fills the form with the named paste, returns the edited step. */
    private static Shown pasteInto(Shown shown, long user, String probe) {
        Reply form = discord.send(button(shown.reply().customIdStartingWith("ts:paste:"), message(shown)).by(user))
                .awaitReply();
        assertEquals(9, form.callbackType(), "a form");
        String formId = form.message().path("custom_id").asText();
        String inputId = form.message().path("components").findValue("custom_id").asText();
        SentInteraction submit = discord.send(modalSubmit(formId, Map.of(inputId, paste(probe)))
                .message(message(shown)).by(user));
        Reply edited = submit.awaitReply();
        assertTrue(!edited.textDisplays().isEmpty(), () -> "the step message, edited: " + edited);
        return new Shown(shown.origin(), edited);
    }

    private static String probeAsked(Shown shown) {
        String d = shown.description();
        for (String probe : List.of("kernel-iommu:dmesg | grep", "iommu-groups:find /sys/kernel/iommu_groups",
                "vfio-modules:lsmod", "lspci-nnk:lspci -nnk", "qm-config:qm config")) {
            String[] p = probe.split(":", 2);
            if (d.contains(p[1])) {
                return p[0];
            }
        }
        throw new AssertionError("no known command in " + d);
    }

    @Test
    void aHealthyHostIsWalkedByFormsToASummary() {
        long user = newUser();
        Shown step = begin(user, "vmid", "100", "symptom", "setup");
        assertTrue(step.title().contains("step 1"), step.title());
        assertTrue(step.description().contains("dmesg | grep -e DMAR -e IOMMU -e AMD-Vi"), step.description());
        int pastes = 0;
        while (step.title().contains("step") && pastes++ < 8) {
            String probe = probeAsked(step);
            if (probe.equals("qm-config")) {
                assertTrue(step.description().contains("qm config 100"), "the VM id is filled in: " + step.description());
            }
            step = pasteInto(step, user, probe);
        }
        assertTrue(step.title().contains("summary"), step.title());
        assertEquals(5, pastes, "one paste per open check: " + step.reply().text());
        assertTrue(step.reply().text().contains("nothing in what you pasted is wrong"), step.reply().text());
        assertTrue(step.reply().text().contains("01:00.0"), "the device picture: " + step.reply().text());
    }

    @Test
    void someoneElsesClickIsRefusedPrivatelyAndAServerAdminsIsTaken() {
        long user = newUser();
        Shown step = begin(user, "symptom", "setup");
        Reply refused = discord.send(button(step.reply().customIdStartingWith("ts:cannot:"), message(step))
                .by(FakeWorld.BYSTANDER_ID)).awaitReply();
        assertTrue(refused.ephemeral());
        assertTrue(refused.content().contains("someone else"), refused.content());
        Reply form = discord.send(button(step.reply().customIdStartingWith("ts:paste:"), message(step))
                .by(FakeWorld.BYSTANDER_ID)).awaitReply();
        assertTrue(form.content().contains("someone else"), "no form for a bystander: " + form.content());

        Reply byAdmin = discord.send(button(step.reply().customIdStartingWith("ts:cannot:"), message(step))
                .by(FakeWorld.MODERATOR_ID)).awaitReply();
        assertTrue(byAdmin.heading().contains("step 2"), byAdmin.text());
    }

    @Test
    void aDoubleClickAdvancesOneStepAndTheSecondIsToldWhy() {
        long user = newUser();
        Shown step = begin(user, "symptom", "setup");
        String cannot = step.reply().customIdStartingWith("ts:cannot:");
        SentInteraction first = discord.send(button(cannot, message(step)).by(user));
        SentInteraction second = discord.send(button(cannot, message(step)).by(user));
        List<Reply> replies = List.of(first.awaitReply(), second.awaitReply());
        long edits = replies.stream().filter(r -> !r.textDisplays().isEmpty()).count();
        long notices = replies.stream().filter(r -> r.content().contains("at step 2 already")).count();
        assertEquals(1, edits, replies.toString());
        assertEquals(1, notices, replies.toString());
    }

    @Test
    void anExpiredConversationSaysSoAndResumes() {
        long user = newUser();
        Shown step = begin(user, "symptom", "setup");
        bot.app.getBean(AdjustableClock.class).advance(Duration.ofHours(25));
        SentInteraction click = discord.send(button(step.reply().customIdStartingWith("ts:cannot:"), message(step)).by(user));
        Reply expired = click.awaitReply();
        assertTrue(expired.ephemeral());
        assertTrue(expired.content().contains("expired after 24 h"), expired.content());
        ObjectNode offer = discord.followUps(click).get(0);
        Reply resumed = discord.send(button(expired.customIdStartingWith("ts:resume:"), offer).by(user)).awaitReply();
        assertTrue(resumed.heading().contains("step 1"), resumed.text());
    }

    @Test
    void aConversationSurvivesARestartOfTheService() throws IOException {
        Path db = Files.createTempDirectory("pcibot-restart");
        Map<String, Object> sameDatabase = Map.of("datasources.default.url",
                "jdbc:h2:file:" + db.resolve("pcibot") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        long user = newUser();
        JsonNode message;
        String next;
        try (BotUnderTest before = BotUnderTest.start(sameDatabase)) {
            SentInteraction sent = before.discord.send(slash("troubleshoot").option("symptom", "setup").by(user));
            Reply first = sent.awaitReply();
            Reply second = before.discord.send(button(first.customIdStartingWith("ts:cannot:"),
                    before.discord.message(sent.originalMessageId()).orElseThrow()).by(user)).awaitReply();
            message = before.discord.message(sent.originalMessageId()).orElseThrow();
            next = second.customIdStartingWith("ts:cannot:");
        }
        try (BotUnderTest after = BotUnderTest.start(sameDatabase)) {
            after.discord.seed((ObjectNode) message); // Discord keeps the message while the service restarts
            Reply third = after.discord.send(button(next, message).by(user)).awaitReply();
            assertTrue(third.heading().contains("step 3"), third.text());
            after.discord.assertNoViolations();
        }
    }
}
