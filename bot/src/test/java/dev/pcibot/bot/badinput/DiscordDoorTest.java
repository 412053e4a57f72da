package dev.pcibot.bot.badinput;

import static dev.pcibot.bot.discord.fake.InteractionPayloads.button;
import static dev.pcibot.bot.discord.fake.InteractionPayloads.modalSubmit;
import static dev.pcibot.bot.discord.fake.InteractionPayloads.slash;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pcibot.bot.badinput.BadInputs.Expect;
import dev.pcibot.bot.badinput.BadInputs.Outcome;
import dev.pcibot.bot.badinput.BadInputs.OverLimitStream;
import dev.pcibot.bot.badinput.BadInputs.Row;
import dev.pcibot.bot.discord.fake.FakeDiscord;
import dev.pcibot.bot.discord.fake.FakeWorld;
import dev.pcibot.bot.discord.fake.JdaErrorLog;
import dev.pcibot.bot.discord.fake.Reply;
import dev.pcibot.bot.discord.fake.SentInteraction;
import dev.pcibot.kb.search.KbSearcher;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of {@link BadInputs} through the Discord bot (real JDA against the fake Discord): as
 * the {@code question} of {@code /ask}, and as a paste three ways: the {@code text} option of
 * {@code /diagnose}, the {@code /diagnose} paste form's submit, a {@code /diagnose} attachment
 * served by the fake's CDN, and a file in the troubleshooting walk's paste form (its upload). Each gets a reply (an answer, a diagnosis, or a notice with the row's
 * words), within the fake's 3-second ack rule and Discord's message limits, and JDA logs no error.
 * The attachment limit is 4 MiB here; the over-limit row is an attachment that claims 100 bytes and
 * is 16 MiB: it is refused while reading, at the limit.
 */
class DiscordDoorTest {
    private static final long LIMIT = 4L * BadInputs.MEGABYTE;
    private static final AtomicLong USERS = new AtomicLong(1_300_000_000_000_090_000L);
    private static final Pattern SECTION = Pattern.compile("section: (\\S+)");

    private static FakeDiscord discord;
    private static ApplicationContext app;
    private static JdaErrorLog jdaErrors;
    private static List<String> cleanSections;

    @BeforeAll
    static void start() {
        jdaErrors = JdaErrorLog.install();
        discord = FakeDiscord.start();
        app = ApplicationContext.builder().environments(Environment.TEST).properties(Map.of(
                "discord.token", discord.token(),
                "discord.rest-base-url", discord.restBase(),
                "discord.gateway-url", discord.gatewayUrl(),
                "discord.guilds", List.of(FakeWorld.GUILD_ID),
                "discord.allowed-guilds", List.of(FakeWorld.GUILD_ID),
                "discord.allowed-channels", List.of(FakeWorld.CHANNEL_ID),
                "discord.max-attachment-bytes", LIMIT)).start();
        discord.awaitConnected();
        discord.awaitCommands(Long.toString(FakeWorld.GUILD_ID));
        cleanSections = app.getBean(KbSearcher.class).search(BadInputs.CLEAN_QUESTION, 5).hits().stream()
                .map(h -> h.citation().sectionId()).toList();
    }

    @AfterAll
    static void stop() {
        try {
            if (app != null) {
                app.close();
            }
        } finally {
            discord.close();
            jdaErrors.close();
        }
    }

    @AfterEach
    void keptDiscordsRules() {
        discord.assertNoViolations();
        jdaErrors.assertNoErrors();
    }

    private static long newUser() {
        return USERS.incrementAndGet();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pcibot.bot.badinput.BadInputs#questions")
    void askAnswersEveryRow(Row row) {
        Reply reply = discord.send(slash("ask").option("question", row.question().text()).by(newUser())).awaitReply();
        Expect expect = row.asQuestion();
        if (expect.outcome() == Outcome.REFUSED) {
            // Discord itself requires the option: a missing one is asked for again, by example
            String says = row.question().text().isEmpty() ? "Ask a question" : expect.says();
            assertNotice(reply, says);
            return;
        }
        assertFalse(reply.embeds().isEmpty(), "an answer or 'No good answer': " + reply.text());
        if (!expect.says().isEmpty()) {
            Matcher section = SECTION.matcher(reply.embeds().get(0).path("footer").path("text").asText());
            assertTrue(section.find(), reply.text());
            assertTrue(cleanSections.contains(section.group(1)),
                    "answers like '" + expect.says() + "': " + section.group(1) + " not in " + cleanSections);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pcibot.bot.badinput.BadInputs#pastes")
    void diagnoseTextOptionAnswersEveryRow(Row row) {
        if (row.overLimit()) {
            return; // a text option holds 6,000 characters at most: the limit is the attachment's
        }
        Reply reply = discord.send(slash("diagnose").option("text", row.paste().text()).by(newUser())).awaitReply();
        if (row.paste().text().isBlank()) {
            assertEquals(9, reply.callbackType(), "no text: the paste form opens instead");
            return;
        }
        check(row.asPaste(), reply);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pcibot.bot.badinput.BadInputs#pastes")
    void diagnosePasteFormAnswersEveryRow(Row row) {
        if (row.overLimit()) {
            return; // the form's box holds 4,000 characters at most: the limit is the attachment's
        }
        Reply reply = discord.send(modalSubmit("dx:paste", Map.of("output", row.paste().text())).by(newUser())).awaitReply();
        Expect expect = row.asPaste();
        if (row.paste().text().isBlank()) { // what String.isBlank calls blank; other spaces reach the diagnoser
            assertNotice(reply, "The form was empty");
            return;
        }
        check(expect, reply);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pcibot.bot.badinput.BadInputs#pastes")
    void diagnoseAttachmentAnswersEveryRow(Row row) throws IOException {
        ObjectNode file;
        if (row.overLimit()) {
            byte[] big = new OverLimitStream(LIMIT * 4).readAllBytes();
            file = discord.attachment("journal.log", "text/plain", big);
            file.put("size", 100); // the claim Discord passes on is only a claim
        } else {
            file = discord.attachment("paste.txt", "text/plain; charset=utf-8", row.paste().bytes());
        }
        Reply reply = discord.send(slash("diagnose").attachment("file", file).by(newUser())).awaitReply();
        if (row.overLimit()) {
            assertNotice(reply, "the limit is 4 MiB");
            return;
        }
        check(row.asPaste(), reply);
    }

    /**
     * The troubleshooting walk's paste form, its file upload carrying the row (the text box left
     * empty): a refusal names the row's problem, anything else gets the walk's next message.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pcibot.bot.badinput.BadInputs#pastes")
    void troubleshootFormUploadAnswersEveryRow(Row row) throws IOException {
        long user = newUser();
        SentInteraction start = discord.send(slash("troubleshoot").option("symptom", "setup").by(user));
        Reply step = start.awaitReply();
        ObjectNode shown = discord.message(start.originalMessageId()).orElseThrow();
        Reply form = discord.send(button(step.customIdStartingWith("ts:paste:"), shown).by(user)).awaitReply();
        assertEquals(9, form.callbackType(), "a form");
        ObjectNode file = row.overLimit()
                ? discord.attachment("journal.log", "text/plain", new OverLimitStream(LIMIT * 4).readAllBytes())
                : discord.attachment("paste.txt", "text/plain; charset=utf-8", row.paste().bytes());
        if (row.overLimit()) {
            file.put("size", 100);
        }
        SentInteraction submit = discord.send(modalSubmit(form.message().path("custom_id").asText(), Map.of(), "file", file)
                .message(discord.message(start.originalMessageId()).orElseThrow()).by(user));
        Reply reply = submit.awaitReply();
        StringBuilder said = new StringBuilder(reply.text());
        discord.followUps(submit).forEach(m -> said.append('\n').append(m.path("content").asText()));
        assertFalse(said.toString().isBlank(), "never a silent drop");
        assertFalse(said.toString().contains("Exception") || said.toString().contains("\tat "), said.toString());
        Expect expect = row.asPaste();
        if (row.overLimit() || (expect.outcome() == Outcome.REFUSED && !expect.says().equals(BadInputs.NOTHING_TO_DIAGNOSE))) {
            String says = row.overLimit() ? "the limit is 4 MiB" : expect.says();
            assertTrue(said.toString().toLowerCase().contains(says.toLowerCase()), "'" + says + "' in: " + said);
        }
    }

    /** The honest claim of an over-limit attachment is refused from the claim: nothing is downloaded. */
    @Test
    void anAttachmentClaimingMoreThanTheLimitIsRefusedWithoutADownload() {
        ObjectNode file = discord.attachment("claims-big.log", "text/plain", "[    0.0] DMAR: IOMMU enabled\n".getBytes());
        file.put("size", LIMIT + 1);
        Reply reply = discord.send(slash("diagnose").attachment("file", file).by(newUser())).awaitReply();
        assertNotice(reply, "the limit is 4 MiB");
        assertTrue(discord.calls("GET", "/attachments/").stream().noneMatch(c -> c.route().endsWith("/claims-big.log")),
                "refused from its claimed size, without downloading it");
    }

    private static void check(Expect expect, Reply reply) {
        if (expect.outcome() == Outcome.REFUSED) {
            assertNotice(reply, expect.says());
            return;
        }
        assertFalse(reply.embeds().isEmpty(), "a diagnosis: " + reply.text());
        if (!expect.says().isEmpty()) {
            assertTrue(reply.text().contains(expect.says()) || reply.files().stream().anyMatch(f -> f.text().contains(expect.says())),
                    expect.says() + " in: " + reply.text());
        }
    }

    private static void assertNotice(Reply reply, String says) {
        assertTrue(reply.ephemeral(), "a notice only the user sees");
        assertTrue(reply.content().toLowerCase().contains(says.toLowerCase()), "'" + says + "' in: " + reply.text());
        assertFalse(reply.content().contains("Exception") || reply.content().contains("\tat "), reply.content());
    }
}
