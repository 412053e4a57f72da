package dev.pcibot.kb.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The joined device picture, built from several outputs of one paste. */
final class DeviceViewsTest {
    private static final Diagnoser DIAGNOSER = Diagnoser.withoutCitations();

    private static Diagnosis diagnose(String resource) throws IOException {
        return DIAGNOSER.diagnose(Files.readString(Path.of("src/test/resources", resource), StandardCharsets.UTF_8));
    }

    private static DeviceView device(Diagnosis d, String address) {
        return d.devices().stream().filter(v -> v.address().equals(address)).findFirst().orElseThrow();
    }

    @Test
    void joinsGroupDriverAndTheVmThatWantsIt() throws IOException {
        // group listing loop + lspci -nnk -s + qm config, as a user pasted them
        Diagnosis d = diagnose("diagnose/healthy/nic-i350-opnsense.txt");
        DeviceView nic = device(d, "0000:01:00.2");
        assertEquals("8086:1521", nic.vendorDevice());
        assertEquals(1, nic.iommuGroup());
        assertTrue(nic.groupPeers().contains("0000:00:01.0"), nic.groupPeers().toString());
        assertTrue(nic.groupPeers().contains("0000:01:00.0"));
        assertEquals("vfio-pci", nic.driverInUse());
        assertEquals(java.util.List.of("igb"), nic.kernelModules());
        assertEquals(java.util.List.of("200 hostpci0"), nic.wantedBy());
        assertNull(nic.knownIssue());
        DeviceView bridge = device(d, "0000:00:01.0");
        assertTrue(bridge.wantedBy().isEmpty(), "the root port is in the group, not in the VM");
    }

    @Test
    void namesAKnownTroubleModel() {
        Diagnosis d = DIAGNOSER.diagnose("""
                root@pve:~# lspci -nnk -s 0b:00.0
                0b:00.0 VGA compatible controller [0300]: Advanced Micro Devices, Inc. [AMD/ATI] Ellesmere [1002:67df] (rev e7)
                	Kernel driver in use: vfio-pci
                """);
        String issue = device(d, "0000:0b:00.0").knownIssue();
        assertTrue(issue != null && issue.startsWith("amd-reset-bug: AMD Polaris 10"), issue);
    }

    @Test
    void fallsBackToPciIdsForNames() {
        assertTrue(PciIds.get().name("10de:1b80").orElseThrow().contains("GP104"));
        assertTrue(PciIds.get().name("8086:1521").orElseThrow().startsWith("Intel Corporation"));
        assertTrue(PciIds.get().name("zzzz:0000").isEmpty());
        assertTrue(PciIds.get().name("10de").isEmpty());
    }
}
