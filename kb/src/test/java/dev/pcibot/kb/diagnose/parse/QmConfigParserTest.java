package dev.pcibot.kb.diagnose.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

final class QmConfigParserTest {
    private final QmConfigParser parser = new QmConfigParser();

    private QmConfigOutput sample(String name) {
        return parser.parse(Samples.read("qm-config/" + name));
    }

    @Test
    void readsGpuPassthroughOnQ35WithOvmf() {
        QmConfigOutput out = sample("win11-q35-ovmf-gpu.txt");
        HostPci gpu = out.hostPci(0).orElseThrow();

        assertEquals(2, out.hostPcis().size());
        assertEquals(List.of("0000:01:00"), gpu.hosts());
        assertTrue(gpu.pcie());
        assertTrue(gpu.xVga());
        assertTrue(gpu.allFunctions());
        assertTrue(gpu.covers(PciAddress.of("01:00.1")));
        assertFalse(out.hostPci(1).orElseThrow().covers(PciAddress.of("00:14.2")));
        assertTrue(out.machine().q35());
        assertEquals("8.1", out.machine().version());
        assertTrue(out.ovmf());
        assertEquals("none", out.vga().orElseThrow());
        assertEquals("host", out.cpu().orElseThrow());
        assertEquals(16384, out.memoryMb().orElseThrow());
    }

    @Test
    void defaultsToI440fxAndSeabiosWhenUnset() {
        QmConfigOutput out = sample("i440fx-pcie-romfile-path.txt");
        HostPci gpu = out.hostPci(0).orElseThrow();

        assertTrue(out.machine().defaulted());
        assertFalse(out.machine().q35());
        assertEquals("seabios", out.bios());
        assertFalse(out.ovmf());
        assertTrue(gpu.pcie());
        assertEquals("/var/lib/vz/template/efi-nvidia.bin", gpu.romfile().orElseThrow());
        assertEquals(PciAddress.of("0000:01:00"), gpu.hostAddresses().get(0));
    }

    @Test
    void keepsSnapshotsAndPendingApartFromCurrentConfig() {
        QmConfigOutput out = sample("conf-mapping-snapshot-crlf.txt");

        assertEquals("q35,viommu=virtio", out.config().get("machine"));
        assertEquals("virtio", out.machine().viommu());
        assertNull(out.machine().version());
        assertEquals(32768, out.memoryMb().orElseThrow());
        assertEquals(List.of("before-driver"), List.copyOf(out.snapshots().keySet()));
        assertEquals("pc-q35-8.1+pve0", out.snapshots().get("before-driver").get("machine"));
        assertEquals("0000:02:00.0,pcie=1,rombar=0", out.pending().get("hostpci2"));
        assertFalse(out.hostPci(2).isPresent());
        assertEquals(
                List.of(
                        "GPU passthrough VM for CUDA",
                        "mapped through the cluster resource mapping \"rtx4070\""),
                out.description());
    }

    @Test
    void readsMappingAndMdevEntries() {
        QmConfigOutput out = sample("conf-mapping-snapshot-crlf.txt");
        HostPci mapped = out.hostPci(0).orElseThrow();
        HostPci vgpu = out.hostPci(1).orElseThrow();

        assertEquals("rtx4070", mapped.mapping());
        assertTrue(mapped.hosts().isEmpty());
        assertEquals("i915-GVTg_V5_4", vgpu.mdev().orElseThrow());
        assertFalse(vgpu.allFunctions());
    }

    @Test
    void readsSnapshotHostListWithSemicolons() {
        String snapshotValue =
                sample("conf-mapping-snapshot-crlf.txt")
                        .snapshots()
                        .get("before-driver")
                        .get("hostpci0");
        HostPci entry = HostPciReader.read(0, snapshotValue);

        assertEquals(List.of("0000:01:00.0", "0000:01:00.1"), entry.hosts());
        assertTrue(entry.covers(PciAddress.of("01:00.1")));
        assertFalse(entry.covers(PciAddress.of("01:00.2")));
    }

    @Test
    void readsLegacyIgdSetup() {
        QmConfigOutput out = sample("igd-legacy-i440fx.txt");
        HostPci igd = out.hostPci(0).orElseThrow();

        assertTrue(igd.legacyIgd());
        assertEquals("i915ovmf.rom", igd.romfile().orElseThrow());
        assertTrue(igd.rombar().isEmpty());
        assertEquals("pc-i440fx-8.1", out.machine().type());
        assertFalse(out.machine().q35());
        assertTrue(out.args().orElseThrow().contains("x-igd-gms=0x2"));
    }

    @ParameterizedTest
    @CsvSource({
        "q35, true, ''",
        "pc-q35-9.0+pve1, true, 9.0",
        "pc-i440fx-7.2, false, 7.2",
        "pc, false, ''",
        "'type=q35,viommu=intel', true, ''"
    })
    void readsMachineTypes(String value, boolean q35, String version) {
        MachineType machine = MachineType.of(value);

        assertEquals(q35, machine.q35());
        assertEquals(version.isEmpty() ? null : version, machine.version());
    }

    @ParameterizedTest
    @CsvSource({
        "'01:00.0,rombar=0', false",
        "'01:00.0,rombar=1', true",
        "'host=02:00.0,x-vga=on', true"
    })
    void readsOnOffSpellings(String value, boolean expected) {
        HostPci entry = HostPciReader.read(0, value);

        assertEquals(expected, entry.rombar().orElse(entry.xVga()));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "[",
                "hostpci0:",
                "hostpci0: ,,,;;",
                "machine: ,",
                "memory: lots",
                "no colon here"
            })
    void oddInputNeverThrows(String text) {
        QmConfigOutput out = parser.parse(text);

        out.hostPcis();
        out.machine();
        assertTrue(out.memoryMb().isEmpty());
    }

    static List<String> samples() {
        return Samples.list("qm-config");
    }

    private static final Map<String, List<String>> EXPECTED_ODD =
            Map.of("qm-config/conf-mapping-snapshot-crlf.txt", List.of(",+invtsc"));

    @ParameterizedTest
    @MethodSource("samples")
    void everySampleParsesWithOnlyItsExpectedOddLines(String name) {
        QmConfigOutput out = parser.parse(Samples.read(name));

        assertFalse(out.hostPcis().isEmpty(), name);
        assertEquals(EXPECTED_ODD.getOrDefault(name, List.of()), out.unparsed(), name);
    }
}
