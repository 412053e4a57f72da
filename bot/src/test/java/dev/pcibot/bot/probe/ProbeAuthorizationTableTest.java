package dev.pcibot.bot.probe;

import static dev.pcibot.bot.probe.ProbeWorld.ADMIN;
import static dev.pcibot.bot.probe.ProbeWorld.ALICE;
import static dev.pcibot.bot.probe.ProbeWorld.BOB;
import static dev.pcibot.bot.probe.ProbeWorld.CHANNEL;
import static dev.pcibot.bot.probe.ProbeWorld.GUILD;
import static dev.pcibot.bot.probe.ProbeWorld.OTHER_CHANNEL;
import static dev.pcibot.bot.probe.ProbeWorld.STRANGER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pcibot.bot.discord.gate.EntryPoint;
import dev.pcibot.bot.store.ProbeAuditEntry;
import dev.pcibot.kb.diagnose.Probe;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Authorization as a table: every entry point (slash, autocomplete, button, modal, context menu)
 * x granted / not granted / denied / wrong channel / direct message / rate-limited, through the
 * real runner, gate, transport and audit. Counted at the fake node: nothing reaches it without a
 * grant, and every cell leaves one audit row.
 */
final class ProbeAuthorizationTableTest {
    private static TestCertificates certs;
    private static FakePveApi api;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        certs = TestCertificates.create();
        api = FakePveApi.start(certs.selfSigned);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private ProbeWorld world(int perUser) {
        return new ProbeWorld(api, dir, TestCertificates.fingerprint(certs.selfSigned), perUser);
    }

    enum Situation { GRANTED, NOT_GRANTED, DENIED, WRONG_CHANNEL, DIRECT_MESSAGE, RATE_LIMITED }

    @Test
    void everyEntryPointTimesEverySituation() {
        List<String> table = new ArrayList<>();
        int cells = 0;
        int refusedCells = 0;
        for (EntryPoint entry : EntryPoint.values()) {
            for (Situation situation : Situation.values()) {
                ProbeWorld w = world(situation == Situation.RATE_LIMITED ? 1 : 10);
                if (situation == Situation.RATE_LIMITED) {
                    assertTrue(w.runner.admit(ProbeWorld.ask(entry, GUILD, CHANNEL, ADMIN, "pve1", Probe.VERSION, null)).allowed());
                }
                long user = switch (situation) {
                    case NOT_GRANTED -> STRANGER;
                    case DENIED -> BOB;
                    default -> ADMIN;
                };
                Long guild = situation == Situation.DIRECT_MESSAGE ? null : GUILD;
                long channel = situation == Situation.WRONG_CHANNEL ? OTHER_CHANNEL : CHANNEL;
                ProbeAsk ask = ProbeWorld.ask(entry, guild, channel, user, "pve1", Probe.VERSION, null);
                api.clearSeen();
                String rule;
                try {
                    ProbeReport report = w.runner.run(ask);
                    rule = "ran:" + report.transport();
                    assertTrue(report.output().text().startsWith("pve-manager/8.4.14/"), report.output().text());
                } catch (ProbeRefusedException e) {
                    rule = e.decision().rule();
                    assertTrue(e.getMessage().endsWith("(rule: " + rule + ")"), e.getMessage());
                    assertEquals(List.of(), api.seen(), entry + " " + situation + ": nothing reaches the node");
                    refusedCells++;
                } catch (ProbeFailure e) {
                    throw new AssertionError(e);
                }
                String expected = switch (situation) {
                    case GRANTED -> "ran:api";
                    case NOT_GRANTED -> ProbeAuthorizer.DEFAULT_DENY;
                    case DENIED -> "deny:bob-out";
                    case WRONG_CHANNEL -> ProbeAuthorizer.CHANNEL;
                    case DIRECT_MESSAGE -> ProbeAuthorizer.DIRECT_MESSAGE;
                    case RATE_LIMITED -> ProbeLimiter.PER_USER;
                };
                assertEquals(expected, rule, entry + " x " + situation);
                List<ProbeAuditEntry> rows = w.audit.recent(GUILD, 10);
                if (guild != null) {
                    ProbeAuditEntry last = rows.get(0);
                    assertEquals(situation == Situation.GRANTED ? "allow" : "deny", last.decision());
                    assertEquals(entry.name().toLowerCase(java.util.Locale.ROOT), last.entry());
                    assertEquals(situation == Situation.GRANTED ? "grant:admins" : expected, last.rule());
                }
                // autocomplete offers exactly what the same asker may probe there
                List<String> offered = w.runner.gate().probeNodes(guild, channel, user, ask.roles());
                boolean offers = situation == Situation.GRANTED || situation == Situation.RATE_LIMITED;
                assertEquals(offers ? List.of("pve1") : List.of(), offered, entry + " x " + situation);
                table.add(entry + " x " + situation + " -> " + rule);
                cells++;
            }
        }
        assertEquals(30, cells);
        assertEquals(25, refusedCells);
        System.out.println("Authorization table (" + cells + " cells):\n  " + String.join("\n  ", table));
    }

    @Test
    void grantsAreScopedByNodeProbeAndVmIdAndDenyRulesWin() throws Exception {
        ProbeWorld w = world(100);
        record Case(long user, String node, Probe probe, String argument, String rule) {}
        List<Case> cases = List.of(
                new Case(ADMIN, "pve1", Probe.QM_CONFIG, "100", "grant:admins"),
                new Case(ADMIN, "pve1", Probe.QM_CONFIG, "150", "deny:no-vm-150"),
                new Case(ADMIN, "pve1", Probe.QM_CONFIG, "250", ProbeAuthorizer.DEFAULT_DENY),
                new Case(ADMIN, "pve2", Probe.VERSION, null, ProbeAuthorizer.DEFAULT_DENY),
                new Case(ALICE, "pve2", Probe.KERNEL_IOMMU, null, "grant:alice"),
                new Case(ALICE, "pve1", Probe.CMDLINE, null, ProbeAuthorizer.DEFAULT_DENY),
                new Case(ALICE, "pve1", Probe.QM_CONFIG, "100", ProbeAuthorizer.DEFAULT_DENY),
                new Case(ADMIN, "pve9", Probe.VERSION, null, ProbeAuthorizer.UNKNOWN_NODE));
        for (Case c : cases) {
            ProbeDecision d = w.runner.admit(ProbeWorld.ask(EntryPoint.SLASH, GUILD, CHANNEL, c.user(), c.node(), c.probe(), c.argument()));
            assertEquals(c.rule(), d.rule(), c.toString());
        }
        assertEquals("No grant lets you read VM 250 on `pve1`: yours covers VM ids 100-199. (rule: default-deny)",
                w.runner.admit(ProbeWorld.ask(EntryPoint.SLASH, GUILD, CHANNEL, ADMIN, "pve1", Probe.QM_CONFIG, "250")).message());
        assertEquals(List.of("pve1", "pve2"), w.runner.gate().probeNodes(GUILD, CHANNEL, ALICE, List.of()));
    }

    @Test
    void aRoleRemovedInDiscordCountsFromTheNextRequest() {
        ProbeWorld w = world(100);
        ProbeAsk withRole = ProbeWorld.ask(EntryPoint.BUTTON, GUILD, CHANNEL, ADMIN, "pve1", Probe.VERSION, null);
        assertTrue(w.runner.admit(withRole).allowed());
        ProbeAsk without = new ProbeAsk(EntryPoint.BUTTON, GUILD, CHANNEL, ADMIN, "admin", List.of(), "pve1", Probe.VERSION,
                null, java.util.UUID.randomUUID());
        assertFalse(w.runner.admit(without).allowed(), "no cached decision");
    }

    @Test
    void probesOffWithoutNodesAndTheRefusalSaysSo() {
        ProbeSettings off = ProbeSettings.off();
        ProbeDecision d = new ProbeAuthorizer(off).decide(ProbeWorld.ask(EntryPoint.SLASH, GUILD, CHANNEL, ADMIN, "pve1",
                Probe.VERSION, null));
        assertEquals("Probes are off: no node is configured for this bot. (rule: probes-off)", d.message());
    }

    @Test
    void oneProbeAtATimePerNode() throws Exception {
        ProbeWorld w = world(100);
        api.clearSeen();
        api.answer("/status", 200, FakePveApi.fixture("status.json"), java.time.Duration.ofSeconds(2));
        try {
            ProbeAsk first = ProbeWorld.ask(EntryPoint.SLASH, GUILD, CHANNEL, ADMIN, "pve1", Probe.NODE_STATUS, null);
            ProbeDecision admitted = w.runner.admit(first);
            Thread slow = Thread.ofVirtual().start(() -> {
                try {
                    w.runner.execute(first, admitted);
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            while (api.seen().stream().noneMatch(s -> s.path().endsWith("/status"))) {
                Thread.sleep(10); // the first probe is on the node now
            }
            ProbeAsk second = ProbeWorld.ask(EntryPoint.SLASH, GUILD, CHANNEL, ALICE, "pve1", Probe.KERNEL_IOMMU, null);
            ProbeRefusedException busy = assertThrows(ProbeRefusedException.class, () -> w.runner.run(second));
            assertEquals(ProbeLimiter.NODE_BUSY, busy.decision().rule());
            slow.join();
        } finally {
            api.node("/status", "status.json");
        }
    }
}
