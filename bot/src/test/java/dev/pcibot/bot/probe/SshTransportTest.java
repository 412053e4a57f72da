package dev.pcibot.bot.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pcibot.kb.diagnose.Probe;
import dev.pcibot.kb.diagnose.parse.CmdlineOutput;
import dev.pcibot.kb.diagnose.parse.CpuFlagsOutput;
import dev.pcibot.kb.diagnose.parse.IommuGroup;
import dev.pcibot.kb.diagnose.parse.IommuGroupsOutput;
import dev.pcibot.kb.diagnose.parse.KernelLogOutput;
import dev.pcibot.kb.diagnose.parse.LspciOutput;
import dev.pcibot.kb.diagnose.parse.ModulesOutput;
import dev.pcibot.kb.diagnose.parse.ParsedOutput;
import dev.pcibot.kb.diagnose.parse.PveVersionOutput;
import dev.pcibot.kb.diagnose.parse.QmConfigOutput;
import dev.pcibot.kb.diagnose.parse.UnameOutput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * SshTransport against a real OpenSSH sshd on loopback whose key forces the repository's wrapper
 * onto a fixture node: every probe end to end into its parser, host key pinning, a key the node does
 * not know, a node that hangs, a wrapper time limit, output caps, a node error, and an sshd killed
 * mid-probe. Each probe's latency (median of 5) goes to the test log.
 */
final class SshTransportTest {
    private static final int WRAPPER_TIMEOUT = 3;
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    private static final int CAP = 1024 * 1024;

    @TempDir static Path tmp;
    private static FixtureNode node;
    private static LoopbackSshd sshd;
    private static SshTransport transport;

    @BeforeAll
    static void startSshd() throws Exception {
        LoopbackSshd.assumeInstalled();
        node = FixtureNode.create(tmp);
        sshd = LoopbackSshd.start(tmp.resolve("sshd"), node, WRAPPER_TIMEOUT);
        transport = new SshTransport(sshd.settings());
    }

    @AfterAll
    static void stopSshd() throws Exception {
        if (transport != null) {
            transport.close();
        }
        if (sshd != null) {
            sshd.close();
        }
    }

    @BeforeEach
    void quietNode() throws Exception {
        node.hang(false);
        node.big(false);
        node.clearLogs();
    }

    /** What each probe's parser must find in the fixture node's output, and the node command it must have run. */
    private static final Map<Probe, Claim> CLAIMS = Map.ofEntries(
            claim(Probe.KERNEL_IOMMU, null, "dmesg ", o -> ((KernelLogOutput) o).hasMessageContaining("DMAR: IOMMU enabled")),
            claim(Probe.IRQ_REMAPPING, null, "dmesg ", o -> ((KernelLogOutput) o).hasMessageContaining("Enabled IRQ remapping in xapic mode")),
            claim(Probe.KERNEL_LOG, null, "journalctl -k -b 0 --no-pager", o -> ((KernelLogOutput) o).hasMessageContaining("Host address width 52")),
            claim(Probe.IOMMU_GROUPS, null, null, o -> groupOf(o, "0000:01:00.0") == 1 && groupOf(o, "0000:01:00.1") == 1),
            claim(Probe.PCI_JSON, null, "pvesh get /nodes/pve1/hardware/pci --pci-class-blacklist  --output-format json",
                    o -> groupOf(o, "0000:02:00.0") == 12),
            claim(Probe.LSPCI_NNK, null, "lspci -nnk", o -> "vfio-pci".equals(driver(o, "01:00.0")) && "i915".equals(driver(o, "00:02.0"))),
            claim(Probe.LSPCI_DEV, "0000:01:00.0", "lspci -nnk -s 0000:01:00.0", o -> "vfio-pci".equals(driver(o, "0000:01:00.0"))),
            claim(Probe.LSPCI_VV, "0000:01:00.1", "lspci -vv -nn -s 0000:01:00.1", o -> ((LspciOutput) o).showsCapabilities()
                    && ((LspciOutput) o).device("01:00.1").orElseThrow().msiEnabled().equals(java.util.Optional.of(false))),
            claim(Probe.VFIO_MODULES, null, "lsmod ", o -> ((ModulesOutput) o).isLoaded("vfio_pci") && !((ModulesOutput) o).isLoaded("kvm")),
            claim(Probe.CMDLINE, null, null, o -> ((CmdlineOutput) o).value("intel_iommu").equals(java.util.Optional.of("on"))),
            claim(Probe.MODPROBE_CONF, null, null, o -> ((ModulesOutput) o).vfioPciIds().equals(List.of("10de:1b80", "10de:10f0"))
                    && ((ModulesOutput) o).isBlacklisted("nouveau")),
            claim(Probe.QM_CONFIG, "100", "qm config 100", o -> ((QmConfigOutput) o).ovmf() && ((QmConfigOutput) o).hostPcis().size() == 2),
            claim(Probe.NODE_STATUS, null, "uname -r", o -> ((UnameOutput) o).proxmoxKernel()),
            claim(Probe.VERSION, null, "pveversion -v", o -> ((PveVersionOutput) o).pveMajor().equals(java.util.Optional.of(8))),
            claim(Probe.CPU_FLAGS, null, null, o -> ((CpuFlagsOutput) o).virtualizationSupported().equals(java.util.Optional.of(true))));

    @ParameterizedTest
    @EnumSource(value = Probe.class, names = "VM_START_ERROR", mode = EnumSource.Mode.EXCLUDE)
    void everyProbeRunsThroughSshdAndItsParserReadsTheOutput(Probe probe) throws Exception {
        Claim claim = CLAIMS.get(probe);
        List<Long> millis = new ArrayList<>();
        ProbeOutput out = null;
        for (int i = 0; i < 5; i++) {
            out = transport.run(new ProbeCall("pve1", probe, claim.argument(), CALL_TIMEOUT, CAP));
            millis.add(out.took().toMillis());
        }
        assertEquals(0, out.exitStatus());
        assertFalse(out.truncated());
        assertEquals(out.text().getBytes(java.nio.charset.StandardCharsets.UTF_8).length, out.bytes());
        ParsedOutput parsed = probe.parser().orElseThrow().parse(out.text());
        assertTrue(claim.holds().test(parsed), probe.id() + " parsed as " + parsed + " from:\n" + out.text());
        List<String> calls = node.calls();
        if (claim.nodeCommand() != null) {
            assertTrue(calls.contains(claim.nodeCommand()), probe.id() + " ran " + calls);
        }
        assertTrue(node.syslog().stream().allMatch(l -> l.contains("RUN client=127.0.0.1 req=- probe=" + probe.id())), node.syslog().toString());
        Collections.sort(millis);
        System.out.printf(Locale.ROOT, "ssh probe latency %-14s median %3d ms (runs %s)%n", probe.id(), millis.get(2), millis);
    }

    @Test
    void aChangedHostKeyIsRefusedWithHowToRepin() throws Exception {
        // given: the pin is a key sshd does not have, for the right [host]:port
        Path other = LoopbackSshd.otherKey(tmp.resolve("other"), "host_other");
        String otherLine = "[127.0.0.1]:" + sshd.port + " " + Files.readString(Path.of(other + ".pub")).trim();
        try (SshTransport pinnedElsewhere = new SshTransport(sshd.settings(sshd.clientKey, otherLine))) {
            // when
            ProbeFailure failure = assertThrows(ProbeFailure.class,
                    () -> pinnedElsewhere.run(new ProbeCall("pve1", Probe.CMDLINE, null, CALL_TIMEOUT, CAP)));
            // then
            assertEquals(ProbeFailure.Kind.PIN_MISMATCH, failure.kind());
            assertTrue(failure.getMessage().contains("ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub"), failure.getMessage());
            assertTrue(failure.getMessage().contains("[127.0.0.1]:" + sshd.port + " ssh-ed25519"), failure.getMessage());
            assertTrue(failure.getMessage().contains(fingerprint(sshd.hostKeyLine)), failure.getMessage());
            assertEquals(List.of(), node.calls());
        }
    }

    @Test
    void aMissingPinOrALineForAnotherHostIsRefusedAtConstruction() {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> sshd.settings(sshd.clientKey, " "));
        assertTrue(none.getMessage().contains("not pinned"), none.getMessage());
        String otherHost = sshd.hostKeyLine.replace("[127.0.0.1]:" + sshd.port, "[10.0.0.9]:" + sshd.port);
        IllegalArgumentException wrongHost = assertThrows(IllegalArgumentException.class,
                () -> new SshTransport(sshd.settings(sshd.clientKey, otherHost)));
        assertTrue(wrongHost.getMessage().contains("names [10.0.0.9]"), wrongHost.getMessage());
    }

    @Test
    void theBareKeyOfTheNodeIsAPinToo() throws Exception {
        String bare = sshd.hostKeyLine.substring(sshd.hostKeyLine.indexOf(' ') + 1);
        try (SshTransport t = new SshTransport(sshd.settings(sshd.clientKey, bare))) {
            assertEquals(0, t.run(new ProbeCall("pve1", Probe.CMDLINE, null, CALL_TIMEOUT, CAP)).exitStatus());
        }
    }

    @Test
    void aKeyTheNodeDoesNotKnowIsAnAuthFailure() throws Exception {
        Path stranger = LoopbackSshd.otherKey(tmp.resolve("stranger"), "bot_other");
        try (SshTransport t = new SshTransport(sshd.settings(stranger, sshd.hostKeyLine))) {
            ProbeFailure failure = assertThrows(ProbeFailure.class, () -> t.run(new ProbeCall("pve1", Probe.CMDLINE, null, CALL_TIMEOUT, CAP)));
            assertEquals(ProbeFailure.Kind.AUTH, failure.kind(), failure.getMessage());
            assertTrue(failure.getMessage().contains("authorized_keys"), failure.getMessage());
            assertEquals(List.of(), node.calls());
        }
    }

    @Test
    void aHangingNodeTimesOutOnTheBotSide() throws Exception {
        node.hang(true);
        ProbeFailure failure = assertThrows(ProbeFailure.class,
                () -> transport.run(new ProbeCall("pve1", Probe.QM_CONFIG, "100", Duration.ofMillis(1500), CAP)));
        assertEquals(ProbeFailure.Kind.TIMEOUT, failure.kind(), failure.getMessage());
        assertTrue(failure.getMessage().contains("did not finish within 1.5 s"), failure.getMessage());
    }

    @Test
    void aHangingNodeIsStoppedByTheWrapperTimeLimit() throws Exception {
        node.hang(true);
        ProbeFailure failure = assertThrows(ProbeFailure.class,
                () -> transport.run(new ProbeCall("pve1", Probe.QM_CONFIG, "100", CALL_TIMEOUT, CAP)));
        assertEquals(ProbeFailure.Kind.TIMEOUT, failure.kind(), failure.getMessage());
        assertTrue(failure.getMessage().contains("pve-probe: timed out after 3s"), failure.getMessage());
        assertTrue(node.syslog().stream().anyMatch(l -> l.contains("TIMEOUT client=127.0.0.1") && l.contains("probe=qm-config")), node.syslog().toString());
    }

    @Test
    void outputIsCappedByTheWrapperAndAgainByTheBot() throws Exception {
        node.big(true);
        ProbeOutput wrapperCut = transport.run(new ProbeCall("pve1", Probe.LSPCI_NNK, null, CALL_TIMEOUT, CAP));
        assertTrue(wrapperCut.truncated());
        assertEquals(1_000_000, wrapperCut.bytes()); // 262,144 delivered + what the wrapper says it dropped
        assertTrue(wrapperCut.text().length() <= 262_144 && wrapperCut.text().endsWith("\n"));

        ProbeOutput botCut = transport.run(new ProbeCall("pve1", Probe.LSPCI_NNK, null, CALL_TIMEOUT, 1000));
        assertTrue(botCut.truncated());
        assertTrue(botCut.text().length() <= 1000 && botCut.text().endsWith("\n"), botCut.text());
        assertEquals(0, botCut.text().lines().filter(l -> !l.startsWith("00:00.0 Host bridge [0600]")).count());
    }

    @Test
    void aNodeErrorCarriesTheNodesMessage() throws Exception {
        ProbeFailure failure = assertThrows(ProbeFailure.class,
                () -> transport.run(new ProbeCall("pve1", Probe.QM_CONFIG, "999", CALL_TIMEOUT, CAP)));
        assertEquals(ProbeFailure.Kind.NODE_ERROR, failure.kind());
        assertTrue(failure.getMessage().contains("(exit 2): Configuration file 'nodes/pve1/qemu-server/999.conf' does not exist"),
                failure.getMessage());
    }

    @Test
    void vmStartErrorIsNeverSentBecauseItIsNotReadOnly() throws Exception {
        ProbeFailure failure = assertThrows(ProbeFailure.class,
                () -> transport.run(new ProbeCall("pve1", Probe.VM_START_ERROR, "100", CALL_TIMEOUT, CAP)));
        assertEquals(ProbeFailure.Kind.NOT_SUPPORTED, failure.kind());
        assertEquals(List.of(), node.syslog());
    }

    @Test
    void anArgumentOutsideItsTypeIsNeverSent() throws Exception {
        for (String[] bad : new String[][] {{"QM_CONFIG", "100; id"}, {"QM_CONFIG", "100\n"}, {"QM_CONFIG", null}, {"LSPCI_DEV", "01:00.0"},
                {"LSPCI_VV", "0000:01:00.0 -x"}, {"CMDLINE", "x"}}) {
            Probe probe = Probe.valueOf(bad[0]);
            assertThrows(IllegalArgumentException.class, () -> transport.run(new ProbeCall("pve1", probe, bad[1], CALL_TIMEOUT, CAP)),
                    String.join(" ", bad[0], String.valueOf(bad[1])));
        }
        assertEquals(List.of(), node.syslog());
    }

    @Test
    void aNodeThatRefusesConnectionsIsUnreachable() throws Exception {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        SshNodeSettings s = sshd.settings();
        SshNodeSettings nowhere = new SshNodeSettings(s.host(), closed, s.user(), s.keyFile(),
                "[127.0.0.1]:" + closed + " " + sshd.hostKeyLine.substring(sshd.hostKeyLine.indexOf(' ') + 1));
        try (SshTransport t = new SshTransport(nowhere)) {
            ProbeFailure failure = assertThrows(ProbeFailure.class, () -> t.run(new ProbeCall("pve1", Probe.CMDLINE, null, CALL_TIMEOUT, CAP)));
            assertEquals(ProbeFailure.Kind.UNREACHABLE, failure.kind(), failure.getMessage());
        }
    }

    @Test
    void aNodeThatAcceptsButNeverSpeaksSshTimesOutInTheHandshake() throws Exception {
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            SshNodeSettings s = sshd.settings();
            SshNodeSettings mute = new SshNodeSettings(s.host(), silent.getLocalPort(), s.user(), s.keyFile(),
                    sshd.hostKeyLine.substring(sshd.hostKeyLine.indexOf(' ') + 1), Duration.ofSeconds(5), Duration.ofSeconds(1));
            try (SshTransport t = new SshTransport(mute)) {
                ProbeFailure failure = assertThrows(ProbeFailure.class,
                        () -> t.run(new ProbeCall("pve1", Probe.CMDLINE, null, CALL_TIMEOUT, CAP)));
                assertEquals(ProbeFailure.Kind.TIMEOUT, failure.kind(), failure.getMessage());
                assertTrue(failure.getMessage().contains("did not finish the SSH handshake within 1.0 s"), failure.getMessage());
            }
        }
    }

    @Test
    void anSshdKilledMidProbeIsAClearFailure() throws Exception {
        // given: a second sshd of its own, on a node that hangs
        FixtureNode dying = FixtureNode.create(tmp.resolve("dying"));
        dying.hang(true);
        try (LoopbackSshd victim = LoopbackSshd.start(tmp.resolve("sshd-dying"), dying, 30);
                SshTransport t = new SshTransport(victim.settings())) {
            CompletableFuture<ProbeOutput> running = CompletableFuture.supplyAsync(() -> {
                try {
                    return t.run(new ProbeCall("pve1", Probe.QM_CONFIG, "100", CALL_TIMEOUT, CAP));
                } catch (ProbeFailure e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            });
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (dying.calls().isEmpty() && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            assertEquals(List.of("qm config 100"), dying.calls()); // the probe is running on the node
            // when
            victim.killAll();
            // then
            ExecutionException thrown = assertThrows(ExecutionException.class, running::get);
            ProbeFailure failure = (ProbeFailure) thrown.getCause();
            assertEquals(ProbeFailure.Kind.UNREACHABLE, failure.kind(), failure.getMessage());
            assertTrue(failure.getMessage().contains("closed before probe qm-config 100 finished")
                    || failure.getMessage().contains("Lost the SSH connection"), failure.getMessage());
            ProbeFailure after = assertThrows(ProbeFailure.class, () -> t.run(new ProbeCall("pve1", Probe.CMDLINE, null, CALL_TIMEOUT, CAP)));
            assertEquals(ProbeFailure.Kind.UNREACHABLE, after.kind(), after.getMessage());
        }
    }

    record Claim(@Nullable String argument, @Nullable String nodeCommand, Predicate<ParsedOutput> holds) {}

    private static Map.Entry<Probe, Claim> claim(Probe probe, @Nullable String argument, @Nullable String nodeCommand,
            Predicate<ParsedOutput> holds) {
        return Map.entry(probe, new Claim(argument, nodeCommand, holds));
    }

    private static int groupOf(ParsedOutput out, String address) {
        return ((IommuGroupsOutput) out).groupOf(address).map(IommuGroup::number).orElse(-99);
    }

    private static @Nullable String driver(ParsedOutput out, String address) {
        return ((LspciOutput) out).device(address).map(d -> d.driverInUse()).orElse(null);
    }

    private static String fingerprint(String knownHostsLine) throws Exception {
        String[] f = knownHostsLine.split(" ");
        return org.apache.sshd.common.config.keys.KeyUtils.getFingerPrint(
                org.apache.sshd.common.config.keys.PublicKeyEntry.parsePublicKeyEntry(f[1] + " " + f[2])
                        .resolvePublicKey(null, Map.of(), org.apache.sshd.common.config.keys.PublicKeyEntryResolver.FAILING));
    }
}
