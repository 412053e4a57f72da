package dev.pcibot.bot.faults;

import static dev.pcibot.bot.discord.fake.InteractionPayloads.button;
import static dev.pcibot.bot.discord.fake.InteractionPayloads.modalSubmit;
import static dev.pcibot.bot.discord.fake.InteractionPayloads.slash;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pcibot.bot.KnowledgeBase;
import dev.pcibot.bot.discord.e2e.BotUnderTest;
import dev.pcibot.bot.discord.fake.FakeDiscord;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Discord's gateway closing the WebSocket in the middle of a {@code /troubleshoot} conversation,
 * with a close code that keeps the session (4000: JDA resumes) and one that ends it (4009 "session
 * timed out": JDA's RESUME is refused with op 9, as Discord does, and it identifies anew). The click in flight when it drops is answered, once; the next
 * step after the return is answered, once; no JDA error, no double acknowledgement (the fake
 * records one as a violation).
 */
class GatewayDropTest {
    private static BotUnderTest bot;
    private static FakeDiscord discord;

    @BeforeAll
    static void start() {
        bot = BotUnderTest.start(Map.of("discord.rate-limit.requests", 40));
        discord = bot.discord;
        // the index is built at start: wait for it, so that a step's reply is not timed against the build
        assertTrue(bot.app.getBean(KnowledgeBase.class).available(), "the knowledge base opened");
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

    @ParameterizedTest(name = "close code {0}")
    @CsvSource({"4000, true", "4009, false"})
    void aConversationGoesOnAcrossADroppedGatewayWithEveryReplySentOnce(int closeCode, boolean resumes) {
        // given a conversation at its first step
        long user = BotUnderTest.newUser();
        SentInteraction begin = discord.send(slash("troubleshoot").option("vmid", "100").option("symptom", "setup").by(user));
        Reply step = begin.awaitReply();
        ObjectNode message = discord.message(begin.originalMessageId()).orElseThrow();
        String probe = probeAsked(step.text());
        // when the gateway drops right after a click was dispatched
        SentInteraction click = discord.send(button(step.customIdStartingWith("ts:paste:"), message).by(user));
        assertEquals(resumes, discord.dropGatewayAndAwaitReturn(closeCode), resumes ? "resumed" : "identified anew");
        // JDA's own line for the drop: ERROR for 4000 ("server error"), which is what an operator sees
        List<String> logged = bot.jdaErrors.take();
        assertEquals(closeCode == 4000 ? List.of("net.dv8tion.jda.internal.requests.WebSocketClient: WebSocket"
                + " connection closed due to server error! 4000: dropped by the fake") : List.of(), logged);
        // then the click in flight is answered (the form), and after the return the conversation goes on
        Reply form = click.awaitReply();
        assertEquals(9, form.callbackType(), "the paste form");
        String formId = form.message().path("custom_id").asText();
        String inputId = form.message().path("components").findValue("custom_id").asText();
        SentInteraction submit = discord.send(modalSubmit(formId, Map.of(inputId, paste(probe))).message(message).by(user));
        Reply next = submit.awaitReply();
        assertNotEquals(probe, probeAskedOrNone(next.text()), "the next step asks for something else: " + next.text());
        for (SentInteraction i : List.of(begin, click, submit)) {
            long callbacks = i.calls().stream().filter(c -> c.route().endsWith("/callback")).count();
            assertEquals(1, callbacks, "one acknowledgement for " + i + ": " + i.calls());
        }
    }

    private static final List<String> PROBES = List.of("kernel-iommu:dmesg | grep", "iommu-groups:find /sys/kernel/iommu_groups",
            "vfio-modules:lsmod", "lspci-nnk:lspci -nnk", "qm-config:qm config");

    private static String probeAsked(String text) {
        String probe = probeAskedOrNone(text);
        assertNotEquals("none", probe, "no known command in " + text);
        return probe;
    }

    private static String probeAskedOrNone(String text) {
        for (String p : PROBES) {
            String[] parts = p.split(":", 2);
            if (text.contains(parts[1])) {
                return parts[0];
            }
        }
        return "none";
    }

    private static String paste(String probe) {
        try (InputStream in = GatewayDropTest.class.getResourceAsStream("/converse/healthy/" + probe + ".txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
