package dev.pcibot.bot.scale;

import static dev.pcibot.bot.discord.fake.InteractionPayloads.slash;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pcibot.bot.discord.fake.FakeDiscord;
import dev.pcibot.bot.discord.fake.FakeWorld;
import dev.pcibot.bot.discord.fake.JdaErrorLog;
import dev.pcibot.bot.discord.fake.Reply;
import dev.pcibot.bot.discord.fake.SentInteraction;
import dev.pcibot.bot.store.ClaimStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.JDA;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code discord.shards.*}: one instance running both shards of two, and two instances running one
 * each. The fake sends each guild's events only to the session whose shard Discord's rule names
 * ({@code (guild_id >> 22) % 2}: 0 for {@link FakeWorld#GUILD_ID}, 1 for
 * {@link FakeWorld#SECOND_SHARD_GUILD_ID}), so a guild's command is answered exactly when the
 * right shard runs and was identified correctly.
 */
class ShardingTest {
    private static final Duration SETTLE = Duration.ofSeconds(1);
    /** Each instance builds its own index at start: 3 s alone, over 20 s on a loaded CI machine. */
    private static final Duration FIRST_REPLY = Duration.ofSeconds(120);

    private JdaErrorLog jdaErrors;
    private FakeDiscord discord;

    @BeforeEach
    void start() {
        jdaErrors = JdaErrorLog.install();
        discord = FakeDiscord.start(FakeDiscord.ACK_DEADLINE, List.of(FakeWorld.GUILD_ID, FakeWorld.SECOND_SHARD_GUILD_ID));
    }

    @AfterEach
    void stop() {
        discord.close();
        jdaErrors.close();
    }

    @Test
    void oneInstanceRunsBothShardsAndEachGuildIsAnsweredOnce() throws InterruptedException {
        try (Instance both = Instance.start("both", discord, Map.of("discord.shards.total", 2))) {
            List<String> sessions = shardsOf(discord.awaitSessions(2));
            assertEquals(List.of("[0, 2]", "[1, 2]"), sessions.stream().sorted().toList(), "both shards identified");
            List<JDA> shards = both.bot().shards();
            for (JDA shard : shards) {
                shard.awaitReady();
            }
            assertEquals(List.of(0, 1), shards.stream().map(s -> s.getShardInfo().getShardId()).toList());
            assertEquals(List.of(FakeWorld.GUILD_ID), guildsOf(shards.get(0)), "shard 0 holds the guild Discord's rule puts there");
            assertEquals(List.of(FakeWorld.SECOND_SHARD_GUILD_ID), guildsOf(shards.get(1)));
            awaitGuildCommands();

            for (long channel : List.of(FakeWorld.CHANNEL_ID, FakeWorld.SECOND_SHARD_CHANNEL_ID)) {
                SentInteraction ask = discord.send(slash("ask").option("question", "how do I enable iommu").in(channel)
                        .by(FakeWorld.ASKER_ID));
                assertAnsweredOnce(ask);
            }
        }
        discord.assertNoViolations();
        jdaErrors.assertNoErrors();
    }

    @Test
    void twoInstancesSplitTheShardsAndEachGuildIsAnsweredOnceByItsOwn() throws InterruptedException {
        try (Instance zero = Instance.start("shard-0", discord, Map.of("discord.shards.total", 2, "discord.shards.ids", List.of(0)));
                Instance one = Instance.start("shard-1", discord, Map.of("discord.shards.total", 2, "discord.shards.ids", List.of(1)))) {
            assertEquals(List.of("[0, 2]", "[1, 2]"), shardsOf(discord.awaitSessions(2)).stream().sorted().toList());
            zero.bot().awaitReady();
            one.bot().awaitReady();
            assertEquals(1, zero.bot().shards().size());
            assertEquals(List.of(FakeWorld.GUILD_ID), guildsOf(zero.bot().jda()));
            assertEquals(List.of(FakeWorld.SECOND_SHARD_GUILD_ID), guildsOf(one.bot().jda()));
            awaitGuildCommands();

            SentInteraction first = discord.send(slash("ask").option("question", "vfio-pci ids").in(FakeWorld.CHANNEL_ID)
                    .by(FakeWorld.ASKER_ID));
            SentInteraction second = discord.send(slash("ask").option("question", "vfio-pci ids")
                    .in(FakeWorld.SECOND_SHARD_CHANNEL_ID).by(FakeWorld.ASKER_ID));
            assertAnsweredOnce(first);
            assertAnsweredOnce(second);
            // Each instance has its own (embedded) database here: its claims show which one answered.
            assertEquals("shard-0", zero.bean(ClaimStore.class).owner(first.id()).orElse("none"));
            assertTrue(one.bean(ClaimStore.class).owner(first.id()).isEmpty(), "shard 1 never saw guild 1's interaction");
            assertEquals("shard-1", one.bean(ClaimStore.class).owner(second.id()).orElse("none"));
            assertTrue(zero.bean(ClaimStore.class).owner(second.id()).isEmpty());
        }
        discord.assertNoViolations();
        jdaErrors.assertNoErrors();
    }

    @Test
    void shardIdsOutsideTheTotalStopTheStartWithAMessage() {
        RuntimeException refused = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                () -> Instance.start("bad", discord, Map.of("discord.shards.total", 2, "discord.shards.ids", List.of(2))).close());
        String message = causes(refused);
        assertTrue(message.contains("discord.shards.ids holds 2, outside 0..1"), message);
    }

    private void awaitGuildCommands() {
        discord.awaitCommands(Long.toString(FakeWorld.GUILD_ID));
        discord.awaitCommands(Long.toString(FakeWorld.SECOND_SHARD_GUILD_ID));
    }

    /** One reply, and no second callback after a pause in which a second session could have answered. */
    static void assertAnsweredOnce(SentInteraction interaction) throws InterruptedException {
        Reply reply = interaction.awaitReply(FIRST_REPLY);
        assertFalse(reply.embeds().isEmpty() && reply.content().isBlank(), "an answer: " + reply);
        Thread.sleep(SETTLE.toMillis());
        long callbacks = interaction.calls().stream().filter(c -> c.route().endsWith("/callback")).count();
        assertEquals(1, callbacks, "exactly one callback for " + interaction + ": " + interaction.calls());
    }

    private static List<Long> guildsOf(JDA shard) {
        return shard.getGuilds().stream().map(g -> g.getIdLong()).sorted().toList();
    }

    private static List<String> shardsOf(List<int[]> sessions) {
        return sessions.stream().map(java.util.Arrays::toString).collect(Collectors.toList());
    }

    private static String causes(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.append(c.getMessage()).append(" | ");
        }
        return all.toString();
    }
}
