package dev.pcibot.bot.discord.e2e;

import static dev.pcibot.bot.discord.fake.InteractionPayloads.autocomplete;
import static dev.pcibot.bot.discord.fake.InteractionPayloads.slash;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pcibot.bot.discord.fake.FakeDiscord;
import dev.pcibot.bot.discord.fake.FakeWorld;
import dev.pcibot.bot.discord.fake.Reply;
import dev.pcibot.bot.discord.fake.SentInteraction;
import dev.pcibot.bot.probe.ProbeFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /probe} through the fake Discord against the fake PVE API: the whole service configured
 * as an admin would (one node, a grant to the moderator role in the served channel), a granted
 * probe answered with the diagnosis of the node's output, a refusal naming its rule with nothing
 * sent to the node, autocomplete offering only granted nodes, and {@code /pcibot audit}.
 */
class ProbeEndToEndTest {
    private static ProbeFixtures pve;
    private static BotUnderTest bot;
    private static FakeDiscord discord;

    @BeforeAll
    static void start() throws Exception {
        pve = ProbeFixtures.start();
        Path dir = Files.createTempDirectory("pcibot-probe-e2e");
        String g = "pcibot.probes.guilds." + FakeWorld.GUILD_ID;
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("pcibot.probes.nodes.pve1.transport", "api");
        p.put("pcibot.probes.nodes.pve1.address", "127.0.0.1:" + pve.port());
        p.put("pcibot.probes.nodes.pve1.token-id", ProbeFixtures.TOKEN_ID);
        p.put("pcibot.probes.nodes.pve1.token-secret-file", pve.secretFile(dir).toString());
        p.put("pcibot.probes.nodes.pve1.tls-pin", pve.pin());
        p.put(g + ".channels", List.of(FakeWorld.CHANNEL_ID));
        p.put(g + ".grants.moderators.roles", List.of(FakeWorld.MODERATOR_ROLE_ID));
        p.put(g + ".grants.moderators.nodes", "pve1");
        p.put(g + ".grants.moderators.probes", "*");
        p.put(g + ".grants.moderators.vmids", "100-199");
        p.put("discord.rate-limit.requests", 100);
        bot = BotUnderTest.start(p);
        discord = bot.discord;
    }

    @AfterAll
    static void stop() {
        if (bot != null) {
            bot.close();
        }
        if (pve != null) {
            pve.close();
        }
    }

    @AfterEach
    void keptDiscordsRules() {
        discord.assertNoViolations();
        bot.jdaErrors.assertNoErrors();
    }

    @Test
    void aGrantedProbeIsAnsweredWithTheDiagnosisOfTheNodesOutput() {
        pve.healthy();
        Reply reply = discord.send(slash("probe").option("node", "pve1").option("probe", "kernel-iommu")
                .by(FakeWorld.MODERATOR_ID)).awaitReply();
        assertTrue(reply.ephemeral(), "not a public channel");
        assertEquals("Diagnosis: nothing wrong in what you pasted", reply.embeds().get(0).path("title").asText());
        assertEquals("Read probe `kernel-iommu` on `pve1`: kernel-iommu (lines 1–21).\n"
                + "**Next step:** shows which devices share an IOMMU group with the device to pass through\n"
                + "```\nfind /sys/kernel/iommu_groups/ -type l | sort -V\n```\n"
                + "**Not checked:** IOMMU group isolation; the vfio modules; which driver holds the device;"
                + " the VM configuration; device faults and resets", reply.embeds().get(0).path("description").asText());
        assertEquals("ℹ️ Info · Nothing wrong found in this output", reply.embeds().get(1).path("title").asText());
        assertEquals(List.of("👍 Helpful", "👎 Not helpful", "Walk me through it", "Delete", "Show raw output"), reply.buttonLabels());
        assertFalse(reply.text().contains("systemd") || reply.text().contains("DMAR: dmar0"), "no raw output: " + reply.text());
    }

    @Test
    void aNodeWithTheIommuOffGetsTheBlockerAndItsFix() {
        pve.iommuOff();
        try {
            Reply reply = discord.send(slash("probe").option("node", "pve1").option("probe", "kernel-iommu")
                    .by(FakeWorld.MODERATOR_ID)).awaitReply();
            assertEquals("Diagnosis: 1 blocker", reply.embeds().get(0).path("title").asText());
            assertEquals("Read probe `kernel-iommu` on `pve1`: kernel-iommu (lines 1–3).\n**Not checked:** CPU"
                    + " virtualization (vmx/svm) in firmware; interrupt remapping; IOMMU group isolation; the vfio modules; which driver holds"
                    + " the device; the VM configuration; device faults and resets",
                    reply.embeds().get(0).path("description").asText());
            assertEquals("🛑 Blocker · The IOMMU is not active, so no device can be passed through",
                    reply.embeds().get(1).path("title").asText());
            assertEquals("findings: iommu-not-enabled", reply.embeds().get(0).path("footer").path("text").asText());
        } finally {
            pve.healthy();
        }
    }

    @Test
    void aProbeWithoutAGrantIsRefusedNamingTheRuleAndNothingReachesTheNode() {
        pve.clearRequests();
        Reply reply = discord.send(slash("probe").option("node", "pve1").option("probe", "kernel-iommu")
                .by(FakeWorld.ASKER_ID)).awaitReply();
        assertEquals("No grant on this server lets you run `kernel-iommu` on `pve1`. (rule: default-deny)", reply.content());
        assertTrue(reply.ephemeral());
        assertEquals(0, pve.requests());
    }

    @Test
    void autocompleteOffersOnlyTheNodesTheUserMayProbe() {
        Reply granted = discord.send(autocomplete("probe", "node", "p").by(FakeWorld.MODERATOR_ID)).awaitReply();
        assertEquals(List.of("pve1"), granted.choiceNames());
        Reply none = discord.send(autocomplete("probe", "node", "p").by(FakeWorld.ASKER_ID)).awaitReply();
        assertEquals(List.of(), none.choiceNames());
    }

    @Test
    void theAuditShowsWhoAskedWhatAndTheDecision() {
        discord.send(slash("probe").option("node", "pve1").option("probe", "cmdline").by(FakeWorld.BYSTANDER_ID)).awaitReply();
        Reply audit = discord.send(slash("pcibot").subcommand(null, "audit").by(FakeWorld.MODERATOR_ID)).awaitReply();
        assertTrue(audit.content().startsWith("Latest probe requests (UTC, newest first):"), audit.content());
        assertTrue(audit.content().contains("<@" + FakeWorld.BYSTANDER_ID + "> `cmdline` on `pve1` in <#"
                + FakeWorld.CHANNEL_ID + ">: **deny** (default-deny)"), audit.content());
    }
}
