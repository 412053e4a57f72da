package dev.pcibot.bot.discord.e2e;

import static dev.pcibot.bot.discord.e2e.BotUnderTest.newUser;
import static dev.pcibot.bot.discord.fake.InteractionPayloads.button;
import static dev.pcibot.bot.discord.fake.InteractionPayloads.messageCommand;
import static dev.pcibot.bot.discord.fake.InteractionPayloads.modalSubmit;
import static dev.pcibot.bot.discord.fake.InteractionPayloads.slash;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pcibot.bot.discord.fake.FakeDiscord;
import dev.pcibot.bot.discord.fake.FakeWorld;
import dev.pcibot.bot.discord.fake.Reply;
import dev.pcibot.bot.discord.fake.SentInteraction;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "Walk me through it" under diagnoses and answers, the paste form's file upload, one open
 * conversation per user and channel, and a whole walk from a real paste to its summary, through the
 * fake Discord.
 */
class WalkMeThroughItEndToEndTest {
    private static BotUnderTest bot;
    private static FakeDiscord discord;

    @BeforeAll
    static void start() {
        bot = BotUnderTest.start(Map.of("discord.rate-limit.requests", 60));
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

    static String resource(String path) {
        try (InputStream in = WalkMeThroughItEndToEndTest.class.getResourceAsStream("/converse/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A step message: the interaction that made it, and its latest content. */
    record Shown(long messageId, Reply reply) {
        String title() {
            return reply.heading();
        }
    }

    private static ObjectNode message(Shown shown) {
        return discord.message(shown.messageId()).orElseThrow();
    }

    private static Shown walkFrom(SentInteraction reply, long user) {
        Reply answered = reply.awaitReply();
        SentInteraction click = send(button(answered.customIdStartingWith("ts:walk:"), discord.originalMessage(reply)).by(user));
        Reply step = click.awaitReply();
        return new Shown(click.originalMessageId(), step);
    }

    private static Shown click(Shown shown, String prefix, long user) {
        Reply edited = send(button(shown.reply().customIdStartingWith(prefix), message(shown)).by(user)).awaitReply();
        return new Shown(shown.messageId(), edited);
    }

    /** Opens the paste form, submits {@code text} (and files), returns the reply to the submit. */
    private static Reply submit(Shown shown, long user, String text, ObjectNode... files) {
        Reply form = send(button(shown.reply().customIdStartingWith("ts:paste:"), message(shown)).by(user)).awaitReply();
        assertEquals(9, form.callbackType(), "a form");
        String formId = form.message().path("custom_id").asText();
        return send(modalSubmit(formId, text.isEmpty() ? Map.of() : Map.of("output", text), "file", files)
                .message(message(shown)).by(user)).awaitReply();
    }

    private static String probeAsked(Shown shown) {
        String d = shown.reply().text();
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
    void aDiagnosedPasteIsWalkedToASummaryWithItsFindingsBootLoaderFixCitationsAndGaps() {
        long user = newUser();
        SentInteraction diagnosis = discord.send(slash("diagnose").option("text", resource("walk/diagnose-paste.txt")).by(user));
        assertTrue(diagnosis.awaitReply().buttonLabels().contains("Walk me through it"), diagnosis.awaitReply().buttonLabels().toString());

        Shown step = walkFrom(diagnosis, user);
        assertTrue(step.title().contains("step 2"), "the paste was the first answer: " + step.title());
        assertTrue(step.reply().text().contains("video=efifb:off") || step.reply().text().contains("obsolete"),
                "the paste's finding is known from the start: " + step.reply().text());
        step = click(step, "ts:pick:", user); // the symptom: "setting it up"
        int pastes = 0;
        while (step.title().contains("step") && pastes++ < 8) {
            assertFalse(probeAsked(step).equals("kernel-iommu"), "the paste answered the IOMMU check already");
            step = new Shown(step.messageId(), submit(step, user, resource("healthy/" + probeAsked(step) + ".txt")));
        }

        assertTrue(step.title().contains("summary"), step.title());
        String summary = step.reply().text();
        assertTrue(summary.contains("obsolete-fb-param") || summary.toLowerCase().contains("efifb"), summary);
        assertTrue(summary.contains("/etc/default/grub"), "the GRUB fix, for a GRUB host: " + summary);
        assertFalse(summary.contains("/etc/kernel/cmdline"), "no systemd-boot fix on a GRUB host: " + summary);
        assertTrue(summary.contains("pve.proxmox.com") || summary.contains("http"), "citations: " + summary);
        assertTrue(summary.contains("not checked"), "what was not checked: " + summary);
    }

    @Test
    void walkingAnAnswerIsOwnedByWhoeverClicksAndASecondStartPointsToTheOpenOne() {
        long asker = newUser();
        long reader = newUser();
        SentInteraction answer = discord.send(slash("ask").option("question", "why does it say group 13 is not viable").by(asker));
        Shown step = walkFrom(answer, reader);
        assertTrue(step.title().contains("step 2"), "the quoted message was the first answer: " + step.reply().text());
        assertTrue(step.reply().text().contains("group-not-viable") || step.reply().text().contains("not viable"),
                step.reply().text());

        Reply byAsker = send(button(step.reply().customIdStartingWith("ts:pick:"), message(step)).by(asker))
                .awaitReply();
        assertTrue(discord.followUps(lastSent()).stream().anyMatch(m -> m.path("content").asText().contains("someone else"))
                || byAsker.content().contains("someone else"), "the asker does not own the reader's walk");

        SentInteraction again = discord.send(slash("troubleshoot").by(reader));
        Reply pointer = again.awaitReply();
        assertTrue(pointer.ephemeral());
        assertTrue(pointer.content().contains("already have a troubleshooting conversation open"), pointer.content());
        SentInteraction show = discord.send(button(pointer.customIdStartingWith("ts:show:"), discord.originalMessage(again)).by(reader));
        assertTrue(show.awaitReply().heading().contains("step 2"), show.awaitReply().text());
        Reply stopped = discord.send(button(pointer.customIdStartingWith("ts:stop:"), discord.originalMessage(again)).by(reader))
                .awaitReply();
        assertTrue(stopped.content().contains("Stopped"), stopped.content());
        assertTrue(!discord.send(slash("troubleshoot").by(reader)).awaitReply().textDisplays().isEmpty(), "a new one starts");
    }

    @Test
    void aDiagnosedMessageCanBeWalkedByItsReader() {
        long reader = newUser();
        ObjectNode pasted = FakeWorld.userMessage(FakeWorld.CHANNEL_ID, FakeWorld.BYSTANDER_ID,
                "help:\n```\n" + resource("iommu-off/start.txt") + "```", List.of());
        SentInteraction diagnosis = discord.send(messageCommand("Diagnose this message", pasted).by(reader));
        Shown step = walkFrom(diagnosis, reader);
        assertTrue(step.reply().text().contains("iommu-not-enabled") || step.reply().text().contains("IOMMU"),
                step.reply().text());
    }

    @Test
    void theFormTakesAFileAndRefusesABinaryOne() {
        long user = newUser();
        Reply first = send(slash("troubleshoot").option("symptom", "setup").by(user)).awaitReply();
        Shown step = new Shown(lastSent().originalMessageId(), first);
        assertTrue(probeAsked(step).equals("kernel-iommu"), step.reply().text());

        ObjectNode binary = discord.attachment("dmesg.txt", "text/plain", new byte[] {'D', 'M', 0, 0, 'A', 'R'});
        Reply refused = submit(step, user, "", binary);
        assertTrue(discord.followUps(lastSent()).stream().anyMatch(m -> m.path("content").asText().contains("binary"))
                || refused.content().contains("binary"), "a binary file is refused: " + refused);

        ObjectNode image = discord.attachment("screen.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        Reply notText = submit(step, user, "", image);
        assertTrue(notText.ephemeral() && notText.content().contains("not a text file"), notText.content());

        Reply empty = submit(step, user, "");
        assertTrue(empty.content().contains("form was empty"), empty.content());

        ObjectNode log = discord.attachment("dmesg.log", "text/plain; charset=utf-8",
                resource("healthy/kernel-iommu.txt").getBytes(StandardCharsets.UTF_8));
        Reply next = submit(step, user, "", log);
        assertTrue(next.heading().contains("step 2"), next.text());
        assertFalse(probeAsked(new Shown(step.messageId(), next)).equals("kernel-iommu"), "the file answered it");
    }

    @Test
    void everyComponentOfSomeoneElsesConversationIsRefusedPrivately() {
        long owner = newUser();
        Shown step = new Shown(0, send(slash("troubleshoot").option("symptom", "setup").by(owner)).awaitReply());
        step = new Shown(lastSent().originalMessageId(), step.reply());
        step = click(step, "ts:cannot:", owner); // at step 2: Back and Start over are shown too
        String[] parts = step.reply().customIdStartingWith("ts:stop:").split(":");
        List<String> ids = new java.util.ArrayList<>(step.reply().customIds());
        ids.add("ts:show:" + parts[2] + ":" + parts[3]);   // the "open here" pointer's buttons
        ids.add("ts:resume:" + parts[2] + ":" + parts[3]); // the expired offer's button
        ids.add("ts:share:" + parts[2] + ":" + parts[3]);  // the summary's button
        assertTrue(ids.size() >= 7, ids.toString());

        for (String id : ids) {
            SentInteraction click = send(button(id, message(step)).by(FakeWorld.BYSTANDER_ID));
            Reply refused = click.awaitReply();
            assertTrue(refused.ephemeral(), id + " answered in public: " + refused);
            assertTrue(refused.content().contains("someone else") && refused.content().contains("/troubleshoot"),
                    id + ": " + refused.content());
        }
        String title = new Reply(0, message(step), false, null).heading();
        assertTrue(title.contains("step 2"), "nothing a bystander clicked changed it: " + title);
    }

    private static SentInteraction last;

    /** Sends and remembers the interaction, for its follow-ups (the tests of one class run one at a time). */
    private static SentInteraction send(dev.pcibot.bot.discord.fake.InteractionPayloads.Builder builder) {
        last = discord.send(builder);
        return last;
    }

    private static SentInteraction lastSent() {
        return last;
    }
}
