package dev.pcibot.bot.probe;

import static dev.pcibot.bot.probe.ProbeWorld.ADMIN;
import static dev.pcibot.bot.probe.ProbeWorld.CHANNEL;
import static dev.pcibot.bot.probe.ProbeWorld.GUILD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pcibot.bot.discord.gate.EntryPoint;
import dev.pcibot.bot.store.ProbeAuditEntry;
import dev.pcibot.kb.diagnose.Diagnosis;
import dev.pcibot.kb.diagnose.Finding;
import dev.pcibot.kb.diagnose.Probe;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Probe output through the same diagnosis as a paste, and what the audit keeps of each run. */
final class ProbeRunnerTest {
    private static TestCertificates certs;

    @TempDir
    Path dir;

    @BeforeAll
    static void certificates() {
        certs = TestCertificates.create();
    }

    private ProbeReport run(FakePveApi api, Probe probe, String argument) throws Exception {
        ProbeWorld w = new ProbeWorld(api, dir, TestCertificates.fingerprint(certs.selfSigned), 100);
        return w.runner.run(ProbeWorld.ask(EntryPoint.SLASH, GUILD, CHANNEL, ADMIN, "pve1", probe, argument));
    }

    private static List<String> ids(Diagnosis d) {
        return d.findings().stream().map(Finding::id).toList();
    }

    @Test
    void aHealthyNodeReadsAsItsCommandsOutput() throws Exception {
        try (FakePveApi api = FakePveApi.start(certs.selfSigned)) {
            for (Probe p : List.of(Probe.KERNEL_IOMMU, Probe.IOMMU_GROUPS, Probe.PCI_JSON, Probe.NODE_STATUS, Probe.VERSION)) {
                Diagnosis d = run(api, p, null).diagnosis();
                assertEquals(List.of(p.id()), d.parts().stream().map(part -> part.kind()).distinct().toList(), p + ": " + d.parts());
            }
            Diagnosis vm = run(api, Probe.QM_CONFIG, "100").diagnosis();
            assertEquals(List.of("qm-config"), vm.parts().stream().map(part -> part.kind()).toList());
        }
    }

    @Test
    void withTheIommuOffTheDiagnosisSaysSo() throws Exception {
        try (FakePveApi api = FakePveApi.start(certs.selfSigned)) {
            api.node("/journal", "journal-iommu-off.json").node("/hardware/pci", "hardware-pci-iommu-off.json");
            Diagnosis kernel = run(api, Probe.KERNEL_IOMMU, null).diagnosis();
            assertTrue(ids(kernel).contains("iommu-not-enabled"), ids(kernel).toString());
            Diagnosis groups = run(api, Probe.IOMMU_GROUPS, null).diagnosis();
            assertTrue(ids(groups).contains("iommu-not-enabled"), ids(groups).toString());
        }
    }

    @Test
    void eachRunIsAuditedWithSizeAndHashButNoOutput() throws Exception {
        try (FakePveApi api = FakePveApi.start(certs.selfSigned)) {
            ProbeWorld w = new ProbeWorld(api, dir, TestCertificates.fingerprint(certs.selfSigned), 100);
            ProbeReport r = w.runner.run(ProbeWorld.ask(EntryPoint.SLASH, GUILD, CHANNEL, ADMIN, "pve1", Probe.QM_CONFIG, "100"));
            ProbeAuditEntry row = w.audit.recent(GUILD, 1).get(0);
            assertEquals("allow", row.decision());
            assertEquals("grant:admins", row.rule());
            assertEquals("api", row.transport());
            assertEquals("100", row.argument());
            assertEquals(0, row.exitStatus());
            assertEquals(r.output().bytes(), row.outputBytes());
            assertEquals(ProbeRunner.sha256(r.output().text()), row.outputSha256());
            assertEquals(String.valueOf(ProbeWorld.ADMIN_ROLE), row.roles());

            api.answer("/status", 403, "{\"data\":null}", java.time.Duration.ZERO);
            ProbeFailure f = assertThrows(ProbeFailure.class, () -> w.runner.run(
                    ProbeWorld.ask(EntryPoint.MODAL, GUILD, CHANNEL, ADMIN, "pve1", Probe.NODE_STATUS, null)));
            ProbeAuditEntry failed = w.audit.recent(GUILD, 1).get(0);
            assertEquals("AUTH", failed.failure());
            assertEquals("allow", failed.decision(), "allowed by the rules, refused by the node");
            assertTrue(!f.getMessage().contains(FakePveApi.SECRET));
        }
    }

    @Test
    void theTokenSecretIsNeverInTheLogTheAuditOrAReply() throws Exception {
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
                org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> log = new ch.qos.logback.core.read.ListAppender<>();
        log.start();
        root.addAppender(log);
        StringBuilder seen = new StringBuilder();
        try (FakePveApi api = FakePveApi.start(certs.selfSigned)) {
            ProbeWorld w = new ProbeWorld(api, dir, TestCertificates.fingerprint(certs.selfSigned), 100);
            for (Probe p : dev.pcibot.bot.probe.RemoteProbes.all()) {
                String arg = p == Probe.QM_CONFIG ? "100" : p == Probe.LSPCI_DEV || p == Probe.LSPCI_VV ? "0000:01:00.0" : null;
                try {
                    seen.append(w.runner.run(ProbeWorld.ask(EntryPoint.SLASH, GUILD, CHANNEL, ADMIN, "pve1", p, arg)).output().text());
                } catch (ProbeFailure | ProbeRefusedException e) {
                    seen.append(e.getMessage());
                }
            }
            api.answer("/version", 401, "", java.time.Duration.ZERO);
            try {
                w.runner.run(ProbeWorld.ask(EntryPoint.SLASH, GUILD, CHANNEL, ADMIN, "pve1", Probe.VERSION, null));
            } catch (ProbeFailure e) {
                seen.append(e.getMessage());
            }
            w.audit.recent(GUILD, 100).forEach(row -> seen.append(row));
            assertTrue(w.audit.recent(GUILD, 100).size() >= 14);
        } finally {
            root.detachAppender(log);
        }
        log.list.forEach(e -> seen.append(e.getFormattedMessage()).append(e.getThrowableProxy() == null ? ""
                : e.getThrowableProxy().getMessage()));
        assertTrue(seen.length() > 1000, "something was looked at");
        assertFalse(seen.toString().contains(FakePveApi.SECRET), "the secret leaked");
        assertFalse(seen.toString().contains("PVEAPIToken="), "the header leaked");
    }

    @Test
    void anSshNodeWhosePinnedKeyIsNotAKeyIsRefusedAtStartNamingTheSetting() throws Exception {
        Path key = java.nio.file.Files.writeString(dir.resolve("key"), "not a real key");
        ProbeConfigException e = assertThrows(ProbeConfigException.class, () -> TestNodes.check(new ProbeNodeConfig("pve3",
                "ssh", "127.0.0.1:2222", null, null, null, null, null, null,
                "pveprobe", null, "[127.0.0.1]:2222 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExample", key)));
        assertTrue(e.getMessage().contains("pcibot.probes.nodes.pve3.ssh-known-host"), e.getMessage());
    }
}
