package dev.pcibot.bot.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pcibot.kb.diagnose.Probe;
import dev.pcibot.kb.diagnose.parse.IommuGroupsOutput;
import dev.pcibot.kb.diagnose.parse.IommuGroupsParser;
import dev.pcibot.kb.diagnose.parse.GroupMember;
import dev.pcibot.kb.diagnose.parse.PciAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API transport against a fake pveproxy over real TLS on 127.0.0.1 (certificates made by keytool). */
final class PveApiTransportTest {
    private static TestCertificates certs;
    private static FakePveApi selfSigned;
    private static FakePveApi caSigned;
    private static FakePveApi otherName;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        certs = TestCertificates.create();
        selfSigned = FakePveApi.start(certs.selfSigned);
        caSigned = FakePveApi.start(certs.caSigned);
        otherName = FakePveApi.start(certs.caSignedOtherName);
    }

    @AfterAll
    static void stop() {
        selfSigned.close();
        caSigned.close();
        otherName.close();
    }

    private static ProbeCall call(Probe probe, String argument) {
        return new ProbeCall("pve1", probe, argument, Duration.ofSeconds(25), 262_144);
    }

    private ProbeOutput run(FakePveApi api, Probe probe, String argument) throws ProbeFailure {
        ProbeNode node = TestNodes.pinned(api, dir, TestCertificates.fingerprint(certs.selfSigned));
        return new PveApiTransport(node).run(call(probe, argument));
    }

    @Test
    void theRightPinReadsTheIommuGroupsAsFindPrintsThem() throws ProbeFailure {
        selfSigned.clearSeen();
        ProbeOutput out = run(selfSigned, Probe.IOMMU_GROUPS, null);
        assertTrue(out.text().startsWith("/sys/kernel/iommu_groups/0/devices/0000:00:00.0\n"), out.text());
        IommuGroupsOutput groups = new IommuGroupsParser().parse(out.text());
        assertEquals(List.of(PciAddress.of("0000:00:01.0"), PciAddress.of("0000:01:00.0"), PciAddress.of("0000:01:00.1")),
                groups.group(1).orElseThrow().members().stream().map(GroupMember::address).toList());
        assertEquals(0, out.exitStatus());
        assertFalse(out.truncated());
        FakePveApi.Seen seen = selfSigned.seen().get(0);
        assertEquals("GET", seen.method());
        assertEquals("/api2/json/nodes/pve1/hardware/pci", seen.path());
        assertEquals("pci-class-blacklist=&verbose=1", seen.query(), "bridges too: groups are judged with them");
        assertTrue(seen.tokenRight());
    }

    @Test
    void aWrongPinFailsClosedBeforeAnyRequestIsSent() {
        selfSigned.clearSeen();
        ProbeNode node = TestNodes.pinned(selfSigned, dir, TestCertificates.fingerprint(certs.caSigned));
        ProbeFailure f = assertThrows(ProbeFailure.class, () -> new PveApiTransport(node).run(call(Probe.VERSION, null)));
        assertEquals(ProbeFailure.Kind.PIN_MISMATCH, f.kind());
        assertTrue(f.getMessage().contains("is not the pinned one") && f.getMessage().contains("pvenode cert info"), f.getMessage());
        assertEquals(List.of(), selfSigned.seen(), "the token never left the bot");
    }

    @Test
    void withoutPinOrCaTheNodeIsNotConfigurable() {
        ProbeConfigException e = assertThrows(ProbeConfigException.class, () -> TestNodes.check(TestNodes.apiConfig("pve1",
                selfSigned.port(), FakePveApi.secretFile(dir, FakePveApi.SECRET), null, null)));
        assertTrue(e.getMessage().startsWith("pcibot.probes.nodes.pve1.tls-pin: set exactly one of tls-pin"), e.getMessage());
    }

    @Test
    void caModeTrustsTheClusterCaAndChecksTheHostName() throws ProbeFailure {
        otherName.clearSeen();
        ProbeOutput out = new PveApiTransport(TestNodes.withCa(caSigned, dir, certs.caPem)).run(call(Probe.NODE_STATUS, null));
        assertEquals("6.8.12-15-pve\n", out.text());

        ProbeFailure wrongName = assertThrows(ProbeFailure.class, () ->
                new PveApiTransport(TestNodes.withCa(otherName, dir, certs.caPem)).run(call(Probe.NODE_STATUS, null)));
        assertEquals(ProbeFailure.Kind.PIN_MISMATCH, wrongName.kind());
        assertTrue(wrongName.getMessage().contains("a name the certificate does not carry"), wrongName.getMessage());

        ProbeFailure otherCa = assertThrows(ProbeFailure.class, () ->
                new PveApiTransport(TestNodes.withCa(caSigned, dir, certs.otherCaPem)).run(call(Probe.NODE_STATUS, null)));
        assertEquals(ProbeFailure.Kind.PIN_MISMATCH, otherCa.kind());
        assertEquals(List.of(), otherName.seen().stream().filter(FakePveApi.Seen::tokenRight).toList());
    }

    @Test
    void pinModeIgnoresTheHostNameAsPvesOwnClientDoes() throws ProbeFailure {
        ProbeNode node = TestNodes.pinned(otherName, dir, TestCertificates.fingerprint(certs.caSignedOtherName));
        assertEquals("6.8.12-15-pve\n", new PveApiTransport(node).run(call(Probe.NODE_STATUS, null)).text());
    }

    @Test
    void onlyGetIsEverSentAndTheFakeRefusesAnythingElse() throws Exception {
        selfSigned.clearSeen();
        for (Probe p : List.of(Probe.IOMMU_GROUPS, Probe.PCI_JSON, Probe.NODE_STATUS, Probe.VERSION, Probe.KERNEL_IOMMU,
                Probe.IRQ_REMAPPING)) {
            run(selfSigned, p, null);
        }
        run(selfSigned, Probe.QM_CONFIG, "100");
        assertEquals(10, selfSigned.seen().size());
        assertTrue(selfSigned.seen().stream().allMatch(s -> s.method().equals("GET")), selfSigned.seen().toString());

        // the fake would catch a write: a POST with the right token gets 501
        SSLContext tls = TlsContexts.forTrust(new TlsTrust.Pin(java.util.Set.of(TestCertificates.fingerprint(certs.selfSigned))));
        HttpResponse<String> post = HttpClient.newBuilder().sslContext(tls).build().send(HttpRequest.newBuilder(
                        URI.create("https://127.0.0.1:" + selfSigned.port() + "/api2/json/nodes/pve1/qemu/100/config"))
                .header("Authorization", "PVEAPIToken=" + FakePveApi.TOKEN_ID + "=" + FakePveApi.SECRET)
                .POST(HttpRequest.BodyPublishers.ofString("delete=hostpci0")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(501, post.statusCode());
    }

    @Test
    void aRefusedTokenIsAnsweredAfterPvesDelayAndSaysWhatToCheck() {
        selfSigned.unauthorizedDelay(Duration.ofSeconds(3)); // as pveproxy: the call's timeout allows for it
        try {
            ProbeNode node = TestNodes.check(TestNodes.apiConfig("pve1", selfSigned.port(),
                    FakePveApi.secretFile(dir, "00000000-dead-beef-0000-000000000000"), TestCertificates.fingerprint(certs.selfSigned), null));
            ProbeFailure f = assertThrows(ProbeFailure.class, () -> new PveApiTransport(node).run(call(Probe.VERSION, null)));
            assertEquals(ProbeFailure.Kind.AUTH, f.kind());
            assertEquals("`pve1` refused GET /nodes/pve1/version (HTTP 401): the API token was not accepted. Check the token"
                    + " id and secret and that the token has not expired (`pveum user token list chatops@pve`).", f.getMessage());
            assertFalse(f.getMessage().contains("dead-beef"), "the secret is never in a message");

            ProbeFailure late = assertThrows(ProbeFailure.class, () -> new PveApiTransport(node).run(
                    new ProbeCall("pve1", Probe.VERSION, null, Duration.ofSeconds(1), 1024)));
            assertEquals(ProbeFailure.Kind.TIMEOUT, late.kind(), "a timeout shorter than PVE's delay ends as a timeout");
        } finally {
            selfSigned.unauthorizedDelay(Duration.ofMillis(300));
        }
    }

    @Test
    void forbiddenSaysThePrivilegeWithOrWithoutPvesMessage() {
        try (FakePveApi api = FakePveApi.start(certs.selfSigned)) {
            api.answer("/hardware/pci", 403, "{\"data\":null,\"message\":\"Permission check failed (/, Sys.Audit|Sys.Modify)\\n\"}",
                    Duration.ZERO);
            ProbeFailure withMessage = assertThrows(ProbeFailure.class, () -> run(api, Probe.PCI_JSON, null));
            assertEquals(ProbeFailure.Kind.AUTH, withMessage.kind());
            assertEquals("`pve1` refused GET /nodes/pve1/hardware/pci (HTTP 403): Permission check failed (/, Sys.Audit|Sys.Modify)."
                    + " The user and the token both need the role ChatOpsProbe (Sys.Audit, Sys.Syslog, VM.Audit) on `/`.",
                    withMessage.getMessage());

            api.answer("/hardware/pci", 403, "{\"data\":null}", Duration.ZERO); // pve-http-server before 5.2.0
            ProbeFailure bare = assertThrows(ProbeFailure.class, () -> run(api, Probe.PCI_JSON, null));
            assertEquals("`pve1` refused GET /nodes/pve1/hardware/pci (HTTP 403). The user and the token both need the role"
                    + " ChatOpsProbe (Sys.Audit, Sys.Syslog, VM.Audit) on `/`.", bare.getMessage());
        }
    }

    @Test
    void theGzippedJournalGivesTheBootsKernelLinesTheGrepWouldPrint() throws ProbeFailure {
        selfSigned.clearSeen();
        String iommu = run(selfSigned, Probe.KERNEL_IOMMU, null).text();
        assertTrue(iommu.contains("Dec 03 01:52:07 pve1 kernel: DMAR: IOMMU enabled\n"), iommu);
        assertFalse(iommu.contains("systemd") || iommu.contains("s=6f0c") || iommu.contains("Command line"), iommu);
        String query = selfSigned.seen().get(1).query();
        long since = Long.parseLong(query.replaceAll(".*since=(\\d+).*", "$1"));
        long until = Long.parseLong(query.replaceAll(".*until=(\\d+).*", "$1"));
        assertEquals(305, until - since, "from boot (now - uptime) for five minutes");
        String remapping = run(selfSigned, Probe.IRQ_REMAPPING, null).text();
        assertTrue(remapping.contains("DMAR-IR: Enabled IRQ remapping in x2apic mode"), remapping);
        assertFalse(remapping.contains("DMAR: IOMMU enabled"), remapping);
    }

    @Test
    void withTheIommuOffEveryGroupIsMinusOneAndTheListingIsEmpty() throws ProbeFailure {
        try (FakePveApi api = FakePveApi.start(certs.selfSigned)) {
            api.node("/hardware/pci", "hardware-pci-iommu-off.json");
            assertEquals("", run(api, Probe.IOMMU_GROUPS, null).text());
            String json = run(api, Probe.PCI_JSON, null).text();
            assertTrue(json.contains("\"iommugroup\":-1"), json);
            assertTrue(new IommuGroupsParser().parse(json).groups().isEmpty(), json);
        }
    }

    @Test
    void aVmConfigKeepsOnlyTheAllowListedKeys() throws ProbeFailure {
        String config = run(selfSigned, Probe.QM_CONFIG, "100").text();
        assertEquals("""
                args: -object secret,id=sec0,data=*** -cpu host,kvm=off
                balloon: 0
                bios: ovmf
                cores: 8
                cpu: host
                efidisk0: present
                hostpci0: 0000:01:00,pcie=1,x-vga=1
                hostpci1: 0000:00:14.0,pcie=1
                machine: pc-q35-8.1
                memory: 16384
                numa: 0
                ostype: win11
                sockets: 1
                tpmstate0: present
                vga: none
                """, config);
    }

    @Test
    void versionReadsAsPveversionWithTheRunningKernel() throws ProbeFailure {
        assertEquals("pve-manager/8.4.14/b502d23c55afcba1 (running kernel: 6.8.12-15-pve)\n",
                run(selfSigned, Probe.VERSION, null).text());
    }

    @Test
    void probesWithoutAnEndpointNeedTheSshTransportAndSendNothing() {
        selfSigned.clearSeen();
        for (Probe p : List.of(Probe.CMDLINE, Probe.VFIO_MODULES, Probe.MODPROBE_CONF, Probe.LSPCI_NNK)) {
            ProbeFailure f = assertThrows(ProbeFailure.class, () -> run(selfSigned, p, null));
            assertEquals(ProbeFailure.Kind.NOT_SUPPORTED, f.kind());
            assertTrue(f.getMessage().contains("needs the SSH transport"), f.getMessage());
        }
        assertEquals(List.of(), selfSigned.seen());
    }

    @Test
    void aNodeThatHangsEndsInATimeout() {
        try (FakePveApi api = FakePveApi.start(certs.selfSigned)) {
            api.answer("/status", 200, "{\"data\":{}}", Duration.ofSeconds(5));
            ProbeNode node = TestNodes.pinned(api, dir, TestCertificates.fingerprint(certs.selfSigned));
            ProbeFailure f = assertThrows(ProbeFailure.class, () -> new PveApiTransport(node).run(
                    new ProbeCall("pve1", Probe.NODE_STATUS, null, Duration.ofSeconds(1), 1024)));
            assertEquals(ProbeFailure.Kind.TIMEOUT, f.kind());
            assertEquals("`pve1` did not answer /nodes/pve1/status in time.", f.getMessage());
        }
    }

    @Test
    void aNodeThatIsDownIsUnreachable() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ProbeNode node = TestNodes.check(TestNodes.apiConfig("pve1", port, FakePveApi.secretFile(dir, FakePveApi.SECRET),
                TestCertificates.fingerprint(certs.selfSigned), null));
        ProbeFailure f = assertThrows(ProbeFailure.class, () -> new PveApiTransport(node).run(call(Probe.VERSION, null)));
        assertEquals(ProbeFailure.Kind.UNREACHABLE, f.kind());
    }

    @Test
    void outputOverTheCapIsCutOnALineBoundary() throws ProbeFailure {
        ProbeNode node = TestNodes.pinned(selfSigned, dir, TestCertificates.fingerprint(certs.selfSigned));
        ProbeOutput out = new PveApiTransport(node).run(new ProbeCall("pve1", Probe.IOMMU_GROUPS, null, Duration.ofSeconds(25), 100));
        assertTrue(out.truncated());
        assertTrue(out.bytes() > 100);
        assertEquals("/sys/kernel/iommu_groups/0/devices/0000:00:00.0\n/sys/kernel/iommu_groups/1/devices/0000:00:01.0\n", out.text());
    }
}
