package dev.pcibot.bot.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pcibot.bot.discord.DiscordConfig;
import dev.pcibot.bot.discord.gate.EntryPoint;
import dev.pcibot.bot.discord.gate.Gate;
import dev.pcibot.bot.store.ProbeAuditEntry;
import dev.pcibot.bot.store.ProbeAuditStore;
import dev.pcibot.kb.diagnose.Diagnoser;
import dev.pcibot.kb.diagnose.Diagnosis;
import dev.pcibot.kb.diagnose.Probe;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An SSH node as an admin configures it (address, user, key file, pinned host key line, a grant)
 * run by the service's own wiring: {@link ProbeTransports} picks {@link SshTransport} by the node's
 * transport setting, the real sshd on loopback forces the repository's wrapper, the output is
 * diagnosed like a paste and the run is audited as ssh.
 */
final class SshNodeEndToEndTest {
    private static final long GUILD = 700L;
    private static final long CHANNEL = 701L;
    private static final long ADMIN = 702L;

    @TempDir static Path tmp;
    private static LoopbackSshd sshd;
    private static ProbeTransports transports;
    private static ProbeRunner runner;
    private static ProbeAuditStore audit;

    @BeforeAll
    static void start() throws Exception {
        LoopbackSshd.assumeInstalled();
        sshd = LoopbackSshd.start(tmp.resolve("sshd"), FixtureNode.create(tmp), 10);
        ProbeNodeConfig node = new ProbeNodeConfig("pve9", "ssh", "127.0.0.1:" + sshd.port, null, null, null, null, null, null,
                System.getProperty("user.name"), null, sshd.hostKeyLine, sshd.clientKey);
        Map<String, Object> guilds = Map.of(
                GUILD + ".channels", List.of(CHANNEL),
                GUILD + ".grants.admins.users", List.of(ADMIN),
                GUILD + ".grants.admins.nodes", List.of("pve9"),
                GUILD + ".grants.admins.probes", "*",
                GUILD + ".grants.admins.vmids", List.of("100-199"));
        ProbeSettings settings = new ProbeSettingsReader(name -> null).read(List.of(node), guilds,
                new ProbeLimitsConfig(100, 100, 100, Duration.ofMinutes(1), Duration.ofSeconds(20), 262_144));
        DiscordConfig discord = new DiscordConfig(null, null, "https://discord.invalid/", null, List.of(), List.of(), List.of(),
                new DiscordConfig.RateLimit(1000, Duration.ofMinutes(1)), 1024, Duration.ofSeconds(1), 1, 1);
        audit = new ProbeAuditStore(ProbeWorld.database());
        transports = new ProbeTransports();
        runner = new ProbeRunner(settings, new Gate(discord, Clock.systemUTC(), settings), transports, audit,
                Diagnoser.withoutCitations());
    }

    @AfterAll
    static void stop() throws Exception {
        if (transports != null) {
            transports.close();
        }
        if (sshd != null) {
            sshd.close();
        }
    }

    private static ProbeAsk ask(Probe probe, String argument) {
        return new ProbeAsk(EntryPoint.SLASH, GUILD, CHANNEL, ADMIN, "admin", List.of(), "pve9", probe, argument, UUID.randomUUID());
    }

    @Test
    void aConfiguredSshNodeIsProbedThroughTheWrapperDiagnosedAndAudited() throws Exception {
        ProbeReport report = runner.run(ask(Probe.CMDLINE, null));
        assertEquals("ssh", report.transport());
        Diagnosis d = report.diagnosis();
        assertEquals(List.of("cmdline"), d.parts().stream().map(p -> p.kind()).distinct().toList(), d.parts().toString());
        assertTrue(report.paste().startsWith("probe@pve9:~$ cat /proc/cmdline\n"), report.paste());
        ProbeAuditEntry row = audit.recent(GUILD, 1).get(0);
        assertEquals("ssh", row.transport());
        assertEquals("allow", row.decision());
        assertEquals("cmdline", row.probe());
        assertTrue(row.outputBytes() > 0, row.toString());
    }

    @Test
    void aVmConfigComesThroughTheWrapperWithItsArgument() throws Exception {
        ProbeReport report = runner.run(ask(Probe.QM_CONFIG, "100"));
        assertEquals(List.of("qm-config"), report.diagnosis().parts().stream().map(p -> p.kind()).toList());
        assertFalse(report.output().text().isBlank());
    }
}
