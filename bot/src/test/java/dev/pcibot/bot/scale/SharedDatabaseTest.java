package dev.pcibot.bot.scale;

import static dev.pcibot.bot.discord.fake.InteractionPayloads.button;
import static dev.pcibot.bot.discord.fake.InteractionPayloads.slash;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pcibot.bot.converse.Conversations;
import dev.pcibot.bot.converse.Current;
import dev.pcibot.bot.discord.fake.FakeDiscord;
import dev.pcibot.bot.discord.fake.FakeWorld;
import dev.pcibot.bot.discord.fake.JdaErrorLog;
import dev.pcibot.bot.discord.fake.Reply;
import dev.pcibot.bot.discord.fake.SentInteraction;
import dev.pcibot.bot.store.ClaimStore;
import dev.pcibot.bot.store.FeedbackStore;
import dev.pcibot.bot.store.ProbeAuditEntry;
import dev.pcibot.bot.store.ProbeAuditStore;
import dev.pcibot.bot.store.ReplyKind;
import dev.pcibot.bot.store.ReplyStore;
import dev.pcibot.bot.store.StoredReply;
import dev.pcibot.bot.store.TestPostgres;
import dev.pcibot.bot.store.Vote;
import dev.pcibot.kb.converse.Conversation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two service instances, each with its own data folder, on one PostgreSQL and one bot token (both
 * sessions on the same, only shard): started at the same moment, so Flyway migrates from both at
 * once; what one writes the other reads; and an interaction both bots receive is answered once.
 * Needs PostgreSQL ({@code .ci/run}); skipped without it outside CI.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharedDatabaseTest {
    private static TestPostgres pg;
    private static JdaErrorLog jdaErrors;
    private static FakeDiscord discord;
    private static Instance a;
    private static Instance b;

    @BeforeAll
    static void startBothAtOnce() throws Exception {
        pg = TestPostgres.emptied();
        jdaErrors = JdaErrorLog.install();
        discord = FakeDiscord.start(FakeDiscord.ACK_DEADLINE, List.of(FakeWorld.GUILD_ID, FakeWorld.SECOND_SHARD_GUILD_ID));
        Map<String, Object> database = new HashMap<>();
        database.put("datasources.default.url", pg.url());
        database.put("datasources.default.username", pg.user());
        database.put("datasources.default.password", pg.password());
        try (ExecutorService starters = Executors.newFixedThreadPool(2)) {
            CompletableFuture<Instance> first = CompletableFuture.supplyAsync(() -> Instance.start("a", discord, database), starters);
            CompletableFuture<Instance> second = CompletableFuture.supplyAsync(() -> Instance.start("b", discord, database), starters);
            a = first.get();
            b = second.get();
        }
        assertEquals(2, discord.awaitSessions(2).size());
        a.bot().awaitReady();
        b.bot().awaitReady();
        discord.awaitCommands(Long.toString(FakeWorld.GUILD_ID));
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {a, b, discord, jdaErrors}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // closing the rest matters more
            }
        }
    }

    @AfterEach
    void keptDiscordsRules() {
        discord.assertNoViolations();
        jdaErrors.assertNoErrors();
    }

    @Test
    @Order(1)
    void flywayMigratedOnceThoughBothStartedTogether() throws SQLException {
        try (Connection c = pg.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version, count(*), bool_and(success) FROM flyway_schema_history"
                        + " WHERE version IS NOT NULL GROUP BY version ORDER BY version")) {
            List<String> versions = new ArrayList<>();
            while (rs.next()) {
                assertEquals(1, rs.getInt(2), "version " + rs.getString(1) + " applied once");
                assertTrue(rs.getBoolean(3), "version " + rs.getString(1) + " succeeded");
                versions.add(rs.getString(1));
            }
            assertTrue(versions.contains("7"), "the claim table's migration ran: " + versions);
        }
    }

    @Test
    @Order(2)
    void everyInteractionBothBotsReceiveIsAnsweredOnce() throws InterruptedException, SQLException {
        List<SentInteraction> sent = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            sent.add(discord.send(slash("ask").option("question", i % 2 == 0 ? "how do I enable iommu" : "vfio-pci ids")
                    .by(FakeWorld.ASKER_ID + 1000 + i)));
        }
        Map<String, Integer> byInstance = new HashMap<>();
        for (SentInteraction interaction : sent) {
            ShardingTest.assertAnsweredOnce(interaction);
            String owner = a.bean(ClaimStore.class).owner(interaction.id()).orElse("none");
            assertTrue(owner.equals("a") || owner.equals("b"), "claimed by one of the instances: " + owner);
            byInstance.merge(owner, 1, Integer::sum);
        }
        System.out.println("SharedDatabaseTest: 12 interactions answered by instance " + byInstance);
    }

    @Test
    @Order(3)
    void whatOneInstanceWritesTheOtherReads() throws IOException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        StoredReply reply = a.bean(ReplyStore.class).save(ReplyKind.values()[0], FakeWorld.GUILD_ID, FakeWorld.CHANNEL_ID,
                FakeWorld.ASKER_ID, "iommu", List.of(List.of("kb:iommu")), now);
        a.bean(ReplyStore.class).saveSeed(reply.id(), "DMAR: IOMMU enabled", now);
        assertEquals("iommu", b.bean(ReplyStore.class).find(reply.id()).orElseThrow().query());
        assertEquals("DMAR: IOMMU enabled", b.bean(ReplyStore.class).seed(reply.id()).orElseThrow(), "reply seed");

        a.bean(FeedbackStore.class).vote(new Vote(reply.id(), "kb:iommu", FakeWorld.GUILD_ID, FakeWorld.CHANNEL_ID,
                FakeWorld.ASKER_ID, true, now));
        b.bean(FeedbackStore.class).vote(new Vote(reply.id(), "kb:iommu", FakeWorld.GUILD_ID, FakeWorld.CHANNEL_ID,
                FakeWorld.BYSTANDER_ID, false, now));
        String tally = a.bean(FeedbackStore.class).tally("kb:iommu").toString();
        assertTrue(tally.contains("1") && tally.equals(b.bean(FeedbackStore.class).tally("kb:iommu").toString()),
                "one up, one down, the same on both: " + tally);

        UUID request = UUID.randomUUID();
        b.bean(ProbeAuditStore.class).append(new ProbeAuditEntry(now, request, FakeWorld.GUILD_ID, FakeWorld.CHANNEL_ID,
                FakeWorld.ASKER_ID, "asker", "", "slash", "lspci", "pve1", null, "ssh", "allowed", "rule-1", 12, 0,
                null, 42, false, null));
        assertTrue(a.bean(ProbeAuditStore.class).recent(FakeWorld.GUILD_ID, 10).stream()
                .anyMatch(e -> e.requestId().equals(request)), "the audit row written through b, read through a");

        Current started = a.bean(Conversations.class).start("web", null, null,
                new Conversation.Start(null, "100", "setup"), paste("kernel-iommu"));
        Current seen = b.bean(Conversations.class).get(started.stored().id());
        assertEquals(started.step().toString(), seen.step().toString(), "the same step on both");
        assertEquals(started.stored().conversation(), seen.stored().conversation());
    }

    @Test
    @Order(4)
    void aConversationGoesOnWhenTheInstanceThatStartedItStops() {
        long user = FakeWorld.ASKER_ID + 2000;
        SentInteraction begin = discord.send(slash("troubleshoot").option("symptom", "setup").by(user));
        Reply first = begin.awaitReply();
        assertTrue(first.heading().contains("step 1"), first.text());
        String starter = a.bean(ClaimStore.class).owner(begin.id()).orElseThrow();
        Instance stopping = starter.equals("a") ? a : b;
        Instance remaining = starter.equals("a") ? b : a;
        stopping.close(); // a rolling restart: the instance that began the conversation goes away

        SentInteraction click = discord.send(button(first.customIdStartingWith("ts:cannot:"),
                discord.message(begin.originalMessageId()).orElseThrow()).by(user));
        Reply second = click.awaitReply();
        assertTrue(second.heading().contains("step 2"), "the other instance took the step from the database: " + second.text());
        assertEquals(remaining.name, remaining.bean(ClaimStore.class).owner(click.id()).orElseThrow());
    }

    private static String paste(String name) throws IOException {
        try (InputStream in = SharedDatabaseTest.class.getResourceAsStream("/converse/healthy/" + name + ".txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
