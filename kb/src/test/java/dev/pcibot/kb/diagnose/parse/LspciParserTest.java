package dev.pcibot.kb.diagnose.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

final class LspciParserTest {
    private final LspciParser parser = new LspciParser();

    private LspciOutput sample(String name) {
        return parser.parse(Samples.read(name));
    }

    private static LspciDevice device(LspciOutput out, String address) {
        return out.device(address).orElseThrow(() -> new AssertionError("no " + address));
    }

    @Test
    void readsHeaderIdsClassAndDriverOfNnk() {
        LspciOutput out = sample("lspci-nnk/intel-nvidia-vfio-bound.txt");
        LspciDevice gpu = device(out, "01:00.0");

        assertEquals(9, out.devices().size());
        assertEquals("VGA compatible controller", gpu.className());
        assertEquals("0300", gpu.classCode());
        assertEquals("NVIDIA Corporation GP104 [GeForce GTX 1080]", gpu.description());
        assertEquals("10de:1b80", gpu.vendorDevice());
        assertEquals("a1", gpu.revision());
        assertEquals("1462:3362", gpu.subsystemIds());
        assertEquals(
                "Micro-Star International Co., Ltd. [MSI] GP104 [GeForce GTX 1080]",
                gpu.subsystem());
        assertEquals("vfio-pci", gpu.driverInUse());
        assertEquals(List.of("nvidiafb", "nouveau"), gpu.kernelModules());
        assertTrue(gpu.isDisplay());
        assertTrue(out.showsKernelDrivers());
    }

    @Test
    void matchesShortAndDomainAddressForms() {
        LspciOutput out = sample("lspci-nnk/intel-nvidia-vfio-bound.txt");

        assertEquals(out.device("01:00.1"), out.device("0000:01:00.1"));
        assertEquals("0000:01:00.1", device(out, "01:00.1").address().toString());
        assertEquals(2, out.devicesCoveredBy(PciAddress.of("01:00")).size());
        assertTrue(out.device("01:00.2").isEmpty());
        assertTrue(out.device("not an address").isEmpty());
    }

    @Test
    void tellsBridgesAndDisplaysApart() {
        LspciOutput out = sample("lspci-nnk/intel-nvidia-vfio-bound.txt");

        assertTrue(device(out, "00:01.0").isBridge());
        assertTrue(device(out, "00:00.0").isBridge());
        assertFalse(device(out, "02:00.0").isBridge());
        assertFalse(device(out, "02:00.0").isDisplay());
        assertTrue(device(out, "00:02.0").isDisplay());
        assertEquals(
                List.of("00:02.0", "01:00.0"),
                out.devices().stream()
                        .filter(LspciDevice::isDisplay)
                        .map(d -> d.address().shortForm())
                        .toList());
    }

    @Test
    void showsHostDriverHoldingTheGpu() {
        LspciOutput out = sample("lspci-nnk/amd-nvidia-held-by-nouveau.txt");

        assertEquals("nouveau", device(out, "09:00.0").driverInUse());
        assertEquals("snd_hda_intel", device(out, "09:00.1").driverInUse());
        assertEquals("xhci_hcd", device(out, "09:00.2").driverInUse());
        // no driver line under -k means nothing is bound
        assertNull(device(out, "09:00.3").driverInUse());
        assertEquals(List.of("i2c_nvidia_gpu"), device(out, "09:00.3").kernelModules());
        assertEquals(4, out.devicesCoveredBy(PciAddress.of("0000:09:00")).size());
        assertEquals(1, out.devicesWithId("10DE:1F06").size());
    }

    @Test
    void joinsWrappedHeaderAndKeepsNamesWithoutIds() {
        LspciOutput out = sample("lspci-nnk/wrapped-crlf-k.txt");
        LspciDevice gt1030 = device(out, "01:00.0");

        assertEquals("NVIDIA Corporation GP108 [GeForce GT 1030]", gt1030.description());
        assertEquals("a1", gt1030.revision());
        assertNull(gt1030.vendorDevice());
        assertNull(gt1030.classCode());
        assertTrue(gt1030.isDisplay());
        assertEquals("nouveau", gt1030.driverInUse());
        assertEquals(
                "Micro-Star International Co., Ltd. [MSI] GP108 [ GeForce GT 1030]",
                gt1030.subsystem());
        assertEquals("vfio-pci", device(out, "02:00.0").driverInUse());
        assertEquals(List.of("amdgpu"), device(out, "02:00.0").kernelModules());
    }

    @Test
    void gluesHeaderWrappedInsideItsIds() {
        LspciDevice hba = device(sample("lspci-nnk/hba-wrapped-in-ids-crlf.txt"), "03:00.0");

        assertEquals("1000:0097", hba.vendorDevice());
        assertEquals("02", hba.revision());
        assertEquals("Broadcom / LSI SAS3008 PCI-Express Fusion-MPT SAS-3", hba.description());
        assertEquals("vfio-pci", hba.driverInUse());
    }

    @Test
    void grepOfVgaLinesHasNoDriverInformation() {
        LspciOutput out = sample("lspci-nnk/grep-vga.txt");

        assertEquals(2, out.devices().size());
        assertEquals("10de:2786", device(out, "01:00.0").vendorDevice());
        assertEquals("0c", device(out, "00:02.0").revision());
        assertFalse(out.showsKernelDrivers());
    }

    @Test
    void readsNumericOnlyOutput() {
        LspciOutput out = sample("lspci-nnk/numeric-n.txt");
        LspciDevice gpu = device(out, "01:00.0");

        assertEquals("0300", gpu.classCode());
        assertEquals("1002:73bf", gpu.vendorDevice());
        assertEquals("c1", gpu.revision());
        assertNull(device(out, "01:00.1").revision());
        assertTrue(device(out, "00:01.0").isBridge());
    }

    @Test
    void readsMachineReadableBlocks() {
        LspciOutput out = sample("lspci-nnk/vmmkn.txt");
        LspciDevice gpu = device(out, "01:00.0");

        assertEquals(3, out.devices().size());
        assertEquals("VGA compatible controller", gpu.className());
        assertEquals("0300", gpu.classCode());
        assertEquals("10de:1b80", gpu.vendorDevice());
        assertEquals("NVIDIA Corporation GP104 [GeForce GTX 1080]", gpu.description());
        assertEquals("1462:3362", gpu.subsystemIds());
        assertEquals("vfio-pci", gpu.driverInUse());
        assertEquals(List.of("nvidiafb", "nouveau"), gpu.kernelModules());
        assertEquals(1, gpu.iommuGroup());
        assertEquals("snd_hda_intel", device(out, "01:00.1").driverInUse());
    }

    @Test
    void splitsMachineReadableBlocksWhoseBlankLinesWereLost() {
        LspciOutput out = sample("lspci-nnk/vmmk-trimmed.txt");

        assertEquals(2, out.devices().size());
        assertEquals("mlx4_core", device(out, "0000:03:00.0").driverInUse());
        assertEquals(25, device(out, "03:00.0").iommuGroup());
        assertNull(device(out, "04:00.0").driverInUse());
        assertEquals("30", device(out, "04:00.0").progIf());
        assertEquals(
                "Renesas Technology Corp. uPD720201 USB 3.0 Host Controller",
                device(out, "04:00.0").description());
    }

    @Test
    void readsCapabilitiesOfVv() {
        LspciOutput out = sample("lspci-vv/rx6800xt-rebar-root.txt");
        LspciDevice gpu = device(out, "03:00.0");

        assertTrue(out.showsCapabilities());
        assertEquals("00", gpu.progIf());
        assertEquals(29, gpu.iommuGroup());
        assertEquals(true, gpu.msiEnabled().orElseThrow());
        assertTrue(gpu.msixEnabled().isEmpty());
        assertEquals(false, gpu.flrSupported().orElseThrow());
        assertTrue(
                gpu.resizableBar()
                        .orElseThrow()
                        .bodyLine("BAR 0:")
                        .orElseThrow()
                        .contains("current size: 16GB"));
        assertEquals(false, gpu.acs().orElseThrow().flag("ACSCtl:", "SrcValid").orElseThrow());
        assertEquals(5, gpu.regions().size());
        assertTrue(
                gpu.regions()
                        .get(0)
                        .startsWith("Region 0: Memory at 7800000000 (64-bit, prefetchable)"));
        assertEquals("vfio-pci", gpu.driverInUse());
        assertEquals(
                "I/O+ Mem+ BusMaster+ SpecCycle- MemWINV- VGASnoop- ParErr- Stepping- SERR-"
                        + " FastB2B- DisINTx+",
                gpu.detail("Control").orElseThrow());
    }

    @Test
    void findsMsiDisabledAndTakesFlrOnlyFromDevCap() {
        LspciOutput out = sample("lspci-vv/nvidia-audio-msi-disabled.txt");
        LspciDevice audio = device(out, "01:00.1");
        LspciDevice gpu = device(out, "01:00.0");

        assertEquals(false, audio.msiEnabled().orElseThrow());
        assertEquals(true, gpu.msiEnabled().orElseThrow());
        assertEquals(false, audio.flrSupported().orElseThrow());
        assertEquals(1, gpu.iommuGroup()); // from "Flags: ..., IOMMU group 1" (-v style)
        assertEquals(
                List.of("pcilib: sysfs_read_vpd: read failed: Input/output error"), out.warnings());
        assertEquals("vfio-pci", gpu.driverInUse());
    }

    @Test
    void readsFlrSupportAndAcsOnRootPort() {
        LspciOutput out = sample("lspci-vv/root-port-acs.txt");
        LspciDevice port = device(out, "00:01.1");
        PciCapability acs = port.acs().orElseThrow();

        assertTrue(port.isBridge());
        assertEquals(true, acs.flag("ACSCtl:", "SrcValid").orElseThrow());
        assertEquals(false, acs.flag("ACSCtl:", "TransBlk").orElseThrow());
        assertEquals(true, acs.flag("ACSCap:", "DirectTrans").orElseThrow());
        assertTrue(port.flrSupported().isEmpty()); // DevCap has no FLReset switch on a root port
        assertEquals("pcieport", port.driverInUse());

        LspciDevice gpu = device(sample("lspci-vv/not-root-access-denied.txt"), "01:00.0");
        assertTrue(gpu.flrSupported().isEmpty());
    }

    @Test
    void marksCapabilitiesDeniedWhenNotRoot() {
        LspciOutput out = sample("lspci-vv/not-root-access-denied.txt");
        LspciDevice gpu = device(out, "0000:01:00.0");

        assertTrue(gpu.capabilitiesDenied());
        assertTrue(gpu.capabilities().isEmpty());
        assertTrue(gpu.msiEnabled().isEmpty());
        assertEquals(14, gpu.iommuGroup());
        assertFalse(out.showsCapabilities());
        assertEquals(List.of("nvidiafb", "nouveau", "nvidia_drm", "nvidia"), gpu.kernelModules());
    }

    @Test
    void readsSingleDeviceOutputWithDomain() {
        LspciOutput out = sample("lspci-dev/igpu-i915-domain.txt");

        assertEquals(1, out.devices().size());
        assertEquals("i915", device(out, "00:02.0").driverInUse());
        assertEquals("Onboard - Video", device(out, "00:02.0").detail("DeviceName").orElseThrow());
    }

    @Test
    void deviceWithoutDriverLineHasNullDriver() {
        LspciOutput out = sample("lspci-dev/hba-no-driver-crlf.txt");
        LspciDevice hba = device(out, "03:00.0");

        assertNull(hba.driverInUse());
        assertEquals(List.of("megaraid_sas"), hba.kernelModules());
        assertEquals("Dell PERC H330 Adapter", hba.subsystem());
        assertTrue(out.showsKernelDrivers());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   \n\n",
                "Kernel driver in use: vfio-pci",
                "zz:zz.z nonsense",
                "\u0000\u0001",
                "Slot:"
            })
    void oddInputNeverThrows(String text) {
        LspciOutput out = parser.parse(text);

        assertTrue(out.devices().isEmpty());
        assertEquals(text.isBlank() ? 0 : 1, out.unparsed().size());
    }

    static Stream<String> samples() {
        return Stream.of("lspci-nnk", "lspci-dev", "lspci-vv")
                .flatMap(d -> Samples.list(d).stream());
    }

    // The odd lines each sample is expected to leave over; every other sample parses fully.
    private static final Map<String, List<String>> EXPECTED_ODD =
            Map.of("lspci-nnk/wrapped-crlf-k.txt", List.of("  lspci -k | grep -A 3 \"VGA\""));

    @ParameterizedTest
    @MethodSource("samples")
    void everySampleParsesWithOnlyItsExpectedOddLines(String name) {
        LspciOutput out = sample(name);

        assertFalse(out.devices().isEmpty(), name);
        assertEquals(EXPECTED_ODD.getOrDefault(name, List.of()), out.unparsed(), name);
    }
}
