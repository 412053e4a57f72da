package dev.pcibot.bot.discord.e2e;

import static dev.pcibot.bot.discord.fake.InteractionPayloads.button;
import static dev.pcibot.bot.discord.fake.InteractionPayloads.slash;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pcibot.bot.discord.fake.FakeDiscord;
import dev.pcibot.bot.discord.fake.FakeWorld;
import dev.pcibot.bot.discord.fake.Reply;
import dev.pcibot.bot.discord.fake.SentInteraction;
import dev.pcibot.bot.discord.fake.UploadedFile;
import dev.pcibot.bot.probe.ProbeFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "Run it on &lt;node&gt;" on a troubleshooting step and "Show raw output", through the fake Discord
 * against the fake PVE API: one node, a grant to the moderator role in the served channel. The
 * button is shown to a granted owner and not to anyone else; a click runs the probe and its output
 * answers the step; a click after the role was taken away, or by someone else, runs nothing; the
 * raw output goes, redacted, as an ephemeral attachment to the one who ran it only, and is audited.
 */
class ProbeStepEndToEndTest {
    private static final String RUN_LABEL = "Run it on pve1";
    private static ProbeFixtures pve;
    private static BotUnderTest bot;
    private static FakeDiscord discord;

    @BeforeAll
    static void start() throws Exception {
        pve = ProbeFixtures.start();
        Path dir = Files.createTempDirectory("pcibot-probe-step-e2e");
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

    @BeforeEach
    void healthyNode() {
        pve.healthy();
        pve.clearRequests();
    }

    @AfterEach
    void keptDiscordsRules() {
        discord.assertNoViolations();
        bot.jdaErrors.assertNoErrors();
    }

    /** The step message as it stands, and the interaction that posted it. */
    private record Shown(SentInteraction origin, Reply reply) {
        ObjectNode message() {
            return discord.message(origin.originalMessageId()).orElseThrow();
        }
    }

    private static Shown begin(long user) {
        SentInteraction sent = discord.send(slash("troubleshoot").option("symptom", "setup").by(user));
        return new Shown(sent, sent.awaitReply());
    }

    /** The moderator's own conversation, at step 1, which asks for kernel-iommu. */
    private static Shown moderatorsStep() {
        // one conversation per user and channel: stop the previous test's first
        Shown step = begin(FakeWorld.MODERATOR_ID);
        if (!step.reply().heading().contains("step 1")) {
            discord.send(button(step.reply().customIdStartingWith("ts:stop:"), discord.originalMessage(step.origin()))
                    .by(FakeWorld.MODERATOR_ID)).awaitReply();
            step = begin(FakeWorld.MODERATOR_ID);
        }
        assertTrue(step.reply().heading().contains("step 1"), step.reply().text());
        assertTrue(step.reply().text().contains("dmesg | grep -e DMAR -e IOMMU -e AMD-Vi"), step.reply().text());
        return step;
    }

    /** The follow-up after the step message is edited: sent right after it, so it may trail the edit a little. */
    private static ObjectNode rawOutputNotice(SentInteraction click) {
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < until) {
            var found = discord.followUps(click).stream().filter(m -> m.toString().contains("raw:show:")).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("no follow-up with Show raw output: " + discord.followUps(click));
    }

    @Test
    void theButtonIsShownToAGrantedOwnerAndNotToAnUngrantedOne() {
        Shown granted = moderatorsStep();
        assertTrue(granted.reply().buttonLabels().contains(RUN_LABEL), granted.reply().buttonLabels().toString());
        Shown ungranted = begin(BotUnderTest.newUser());
        assertTrue(ungranted.reply().heading().contains("step 1"), ungranted.reply().text());
        assertFalse(ungranted.reply().buttonLabels().contains(RUN_LABEL), ungranted.reply().buttonLabels().toString());
        assertFalse(ungranted.reply().customIds().stream().anyMatch(id -> id.startsWith("ts:run:")));
        assertEquals(0, pve.requests(), "deciding what to show contacts no node");
    }

    @Test
    void aClickRunsTheProbeAndItsOutputAnswersTheStep() {
        Shown step = moderatorsStep();
        SentInteraction click = discord.send(button(step.reply().customIdStartingWith("ts:run:"), step.message())
                .by(FakeWorld.MODERATOR_ID));
        Reply next = click.awaitReply();
        assertTrue(next.heading().contains("step 2"), next.text());
        assertEquals("### Troubleshooting · step 2\n"
                + "**Next: IOMMU group isolation**\n"
                + "Run this on the Proxmox host and paste what it prints:\n"
                + "```\nfind /sys/kernel/iommu_groups/ -type l | sort -V\n```\n"
                + "shows which devices share an IOMMU group with the device to pass through",
                next.textDisplays().get(0));
        assertTrue(pve.requests() > 0, "the node was asked");
        assertTrue(next.buttonLabels().contains(RUN_LABEL), "the next step offers it again: " + next.buttonLabels());

        ObjectNode notice = rawOutputNotice(click);
        assertEquals("Ran `kernel-iommu` on `pve1`; its output answered step 1.", notice.path("content").asText());
        assertEquals(64, notice.path("flags").asInt() & 64, "ephemeral: " + notice);
        String rawId = notice.findValues("custom_id").stream().map(n -> n.asText())
                .filter(id -> id.startsWith("raw:show:")).findFirst().orElseThrow();

        Reply notYours = discord.send(button(rawId, notice).by(FakeWorld.BYSTANDER_ID)).awaitReply();
        assertTrue(notYours.ephemeral());
        assertEquals("Only the person who ran this probe can see its raw output.", notYours.content());
        assertTrue(notYours.files().isEmpty());

        Reply raw = discord.send(button(rawId, notice).by(FakeWorld.MODERATOR_ID)).awaitReply();
        assertTrue(raw.ephemeral(), "only the one who ran it sees it");
        assertEquals(1, raw.files().size(), raw.toString());
        UploadedFile file = raw.files().get(0);
        assertEquals("pve1-kernel-iommu.txt", file.filename());
        String text = file.text();
        assertTrue(text.contains("<host> kernel: DMAR: IOMMU enabled"), text);
        assertFalse(text.contains("pve1"), "the node's name is masked: " + text);

        Reply audit = discord.send(slash("pcibot").subcommand(null, "audit").by(FakeWorld.MODERATOR_ID)).awaitReply();
        assertTrue(audit.content().contains("<@" + FakeWorld.MODERATOR_ID + "> `kernel-iommu` on `pve1` in <#"
                + FakeWorld.CHANNEL_ID + ">: **raw-output** (owner)"), audit.content());
        assertTrue(audit.content().contains("<@" + FakeWorld.BYSTANDER_ID + "> `kernel-iommu` on `pve1` in <#"
                + FakeWorld.CHANNEL_ID + ">: **deny** (raw-output-not-owner)"), audit.content());
        assertTrue(audit.content().contains("`kernel-iommu` on `pve1` in <#" + FakeWorld.CHANNEL_ID + ">: **allow**"
                + " (grant:moderators)"), audit.content());
    }

    @Test
    void aClickAfterTheRoleWasTakenAwayIsRefusedWithTheRuleAndRunsNothing() {
        Shown step = moderatorsStep();
        String run = step.reply().customIdStartingWith("ts:run:");
        Reply refused = discord.send(button(run, step.message()).by(FakeWorld.MODERATOR_ID).withRoles()).awaitReply();
        assertTrue(refused.ephemeral());
        assertEquals("No grant on this server lets you run `kernel-iommu` on `pve1`. (rule: default-deny)", refused.content());
        assertEquals(0, pve.requests(), "nothing reached the node");
        assertTrue(step.message().toString().contains("step 1"), "the step is unchanged");

        Reply audit = discord.send(slash("pcibot").subcommand(null, "audit").by(FakeWorld.MODERATOR_ID)).awaitReply();
        assertTrue(audit.content().contains("`kernel-iommu` on `pve1` in <#" + FakeWorld.CHANNEL_ID + ">: **deny**"
                + " (default-deny)"), audit.content());
    }

    @Test
    void aProbeThatFailsOnTheNodeIsToldPrivatelyAuditedAndTheStepStays() {
        Shown step = moderatorsStep();
        pve.journalForbidden();
        SentInteraction click = discord.send(button(step.reply().customIdStartingWith("ts:run:"), step.message())
                .by(FakeWorld.MODERATOR_ID));
        click.awaitReply();
        ObjectNode told = discord.followUps(click).get(0);
        assertEquals("`pve1` refused GET /nodes/pve1/journal (HTTP 403): Permission check failed (/, Sys.Syslog). The user"
                + " and the token both need the role ChatOpsProbe (Sys.Audit, Sys.Syslog, VM.Audit) on `/`.",
                told.path("content").asText());
        assertEquals(64, told.path("flags").asInt() & 64, "ephemeral: " + told);
        assertTrue(step.message().toString().contains("step 1"), "the step is unchanged");
        Reply audit = discord.send(slash("pcibot").subcommand(null, "audit").by(FakeWorld.MODERATOR_ID)).awaitReply();
        assertTrue(audit.content().contains("**allow** (grant:moderators) via api, failed: AUTH"), audit.content());
    }

    @Test
    void someoneElsesClickIsRefusedAndRunsNothing() {
        Shown step = moderatorsStep();
        Reply refused = discord.send(button(step.reply().customIdStartingWith("ts:run:"), step.message())
                .by(FakeWorld.BYSTANDER_ID)).awaitReply();
        assertTrue(refused.ephemeral());
        assertTrue(refused.content().contains("someone else"), refused.content());
        assertEquals(0, pve.requests());
        assertTrue(step.message().toString().contains("step 1"), "the step is unchanged");
    }

    @Test
    void aProbeRunByCommandOffersItsRawOutputToTheOneWhoRanIt() {
        SentInteraction probe = discord.send(slash("probe").option("node", "pve1").option("probe", "kernel-iommu")
                .by(FakeWorld.MODERATOR_ID));
        Reply reply = probe.awaitReply();
        assertTrue(reply.buttonLabels().contains("Show raw output"), reply.buttonLabels().toString());
        Reply raw = discord.send(button(reply.customIdStartingWith("raw:show:"), discord.originalMessage(probe))
                .by(FakeWorld.MODERATOR_ID)).awaitReply();
        assertTrue(raw.ephemeral());
        String text = raw.files().get(0).text();
        assertTrue(text.contains("DMAR: IOMMU enabled"), text);
        assertFalse(text.contains("pve1"), text);
    }
}
