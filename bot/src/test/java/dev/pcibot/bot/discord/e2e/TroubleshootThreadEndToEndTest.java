package dev.pcibot.bot.discord.e2e;

import static dev.pcibot.bot.discord.e2e.BotUnderTest.newUser;
import static dev.pcibot.bot.discord.fake.InteractionPayloads.button;
import static dev.pcibot.bot.discord.fake.InteractionPayloads.slash;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pcibot.bot.discord.fake.FakeDiscord;
import dev.pcibot.bot.discord.fake.FakeWorld;
import dev.pcibot.bot.discord.fake.Json;
import dev.pcibot.bot.discord.fake.Reply;
import dev.pcibot.bot.store.GuildSettingsStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * In a public help channel where the bot may create threads, a conversation moves into a thread of
 * its own; elsewhere it stays in the reply. Through the fake Discord.
 */
class TroubleshootThreadEndToEndTest {
    private static BotUnderTest bot;
    private static FakeDiscord discord;

    @BeforeAll
    static void start() {
        bot = BotUnderTest.start(Map.of("discord.rate-limit.requests", 60,
                "discord.allowed-channels", List.of(FakeWorld.CHANNEL_ID, FakeWorld.THREADS_CHANNEL_ID)));
        discord = bot.discord;
        bot.app.getBean(GuildSettingsStore.class).addPublicChannel(FakeWorld.GUILD_ID, FakeWorld.THREADS_CHANNEL_ID,
                FakeWorld.MODERATOR_ID, Instant.now());
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
    void aConversationInAPublicHelpChannelMovesIntoItsOwnThread() {
        long user = newUser();
        int before = discord.threadsIn(FakeWorld.THREADS_CHANNEL_ID).size();
        Reply pointer = discord.send(slash("troubleshoot").option("symptom", "setup").in(FakeWorld.THREADS_CHANNEL_ID)
                .by(user)).awaitReply();
        List<ObjectNode> threads = discord.threadsIn(FakeWorld.THREADS_CHANNEL_ID);
        assertEquals(before + 1, threads.size(), "one thread opened");
        ObjectNode thread = threads.get(threads.size() - 1);
        long threadId = Long.parseLong(Json.text(thread, "id"));
        assertTrue(pointer.ephemeral(), "the user is told privately where it went");
        assertTrue(pointer.content().contains("<#" + threadId + ">"), pointer.content());
        assertTrue(Json.text(thread, "name").startsWith("Troubleshooting · "), Json.text(thread, "name"));

        List<ObjectNode> posted = discord.messagesIn(threadId);
        assertEquals(1, posted.size(), "the step message is in the thread");
        ObjectNode step = posted.get(0);
        assertTrue(new Reply(0, step, false, null).heading().contains("step 1"), step.toString());
        String cannot = new Reply(0, step, false, null).customIdStartingWith("ts:cannot:");

        Reply refused = discord.send(button(cannot, step).inThread(thread).by(FakeWorld.BYSTANDER_ID)).awaitReply();
        assertTrue(refused.ephemeral() && refused.content().contains("someone else"), refused.content());

        Reply edited = discord.send(button(cannot, step).inThread(thread).by(user)).awaitReply();
        assertTrue(edited.heading().contains("step 2"), edited.text());
        ObjectNode now = discord.message(Long.parseLong(Json.text(step, "id"))).orElseThrow();
        assertTrue(new Reply(0, now, false, null).heading().contains("step 2"), "edited in the thread");

        Reply again = discord.send(slash("troubleshoot").in(FakeWorld.THREADS_CHANNEL_ID).by(user)).awaitReply();
        assertTrue(again.ephemeral() && again.content().contains("already have") && again.content().contains("<#" + threadId + ">"),
                "a second start points to the open one, in its thread: " + again.content());
        Reply fromThread = discord.send(slash("troubleshoot").inThread(thread).by(user)).awaitReply();
        assertTrue(fromThread.content().contains("already have"), "asked inside the thread, the channel is its parent: "
                + fromThread.content());
        assertEquals(before + 1, discord.threadsIn(FakeWorld.THREADS_CHANNEL_ID).size(), "no second thread");
    }

    @Test
    void whereTheBotMayNotCreateThreadsTheConversationStaysInTheReply() {
        bot.app.getBean(GuildSettingsStore.class).addPublicChannel(FakeWorld.GUILD_ID, FakeWorld.CHANNEL_ID,
                FakeWorld.MODERATOR_ID, Instant.now());
        try {
            Reply reply = discord.send(slash("troubleshoot").option("symptom", "setup").by(newUser())).awaitReply();
            assertTrue(!reply.ephemeral(), "a public channel's reply is public");
            assertTrue(reply.heading().contains("step 1"), reply.text());
            assertTrue(discord.threadsIn(FakeWorld.CHANNEL_ID).isEmpty(), "no thread without the permission");
        } finally {
            bot.app.getBean(GuildSettingsStore.class).removePublicChannel(FakeWorld.GUILD_ID, FakeWorld.CHANNEL_ID);
        }
    }
}
