package dev.pcibot.kb.diagnose.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pcibot.kb.diagnose.parse.IommuGroupsOutput.Format;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

final class IommuGroupsParserTest {
    private final IommuGroupsParser parser = new IommuGroupsParser();

    private IommuGroupsOutput sample(String name) {
        return parser.parse(Samples.read(name));
    }

    private static List<String> addresses(List<GroupMember> members) {
        return members.stream().map(m -> m.address().shortForm()).toList();
    }

    @Test
    void readsSysfsPathsIntoGroups() {
        IommuGroupsOutput out = sample("iommu-groups/sysfs-find-intel.txt");

        assertEquals(Format.SYSFS_PATHS, out.format());
        assertTrue(out.iommuActive());
        assertEquals(11, out.groups().size());
        assertEquals(
                List.of("00:01.0", "01:00.0", "01:00.1"),
                addresses(out.group(1).orElseThrow().members()));
        assertEquals(4, out.groupOf("0000:00:1f.6").orElseThrow().members().size());
        assertEquals(10, out.groupOf("04:00.0").orElseThrow().number());
        assertFalse(out.groupOf("05:00.0").isPresent());
    }

    @Test
    void readsArchWikiLoopWithLspciDetails() {
        IommuGroupsOutput out = sample("iommu-groups/arch-loop-healthy.txt");
        GroupMember gpu =
                out.groupOf("01:00.0").orElseThrow().member(PciAddress.of("01:00.0")).orElseThrow();

        assertEquals(Format.SHELL_LOOP, out.format());
        assertEquals("VGA compatible controller", gpu.className());
        assertEquals("0300", gpu.classCode());
        assertEquals("10de:2482", gpu.vendorDevice());
        assertEquals("NVIDIA Corporation GA104 [GeForce RTX 3070 Ti]", gpu.description());
    }

    @Test
    void gpuWithItsAudioAndRootPortIsIsolated() {
        IommuGroupsOutput out = sample("iommu-groups/arch-loop-healthy.txt");
        IommuGroup group = out.groupOf("01:00.0").orElseThrow();

        assertEquals(1, group.number());
        assertEquals(List.of(), group.foreignPeersOf(PciAddress.of("01:00.0")));
    }

    @Test
    void endpointsSharingAChipsetGroupAreForeignPeers() {
        IommuGroupsOutput out = sample("iommu-groups/arch-loop-shared-group.txt");
        IommuGroup group = out.groupOf("04:00.0").orElseThrow();

        assertEquals(List.of(1, 7, 10, 13), out.groups().stream().map(IommuGroup::number).toList());
        assertEquals(List.of("05:00.0"), addresses(group.foreignPeersOf(PciAddress.of("04:00.0"))));
        assertEquals(
                List.of(),
                out.groupOf("01:00.1").orElseThrow().foreignPeersOf(PciAddress.of("01:00.0")));
    }

    @Test
    void readsOneMemberPerLineLoop() {
        IommuGroupsOutput out = sample("iommu-groups/oneliner-amd.txt");

        assertEquals(Format.SHELL_LOOP, out.format());
        assertEquals(10, out.groups().size());
        assertEquals(27, out.groupOf("0b:00.0").orElseThrow().number());
        assertEquals("1002:ab28", out.group(28).orElseThrow().members().get(0).vendorDevice());
    }

    @Test
    void gluesLspciLineWrappedByTheTerminal() {
        IommuGroupsOutput out = sample("iommu-groups/messy-crlf-wrapped.txt");

        assertEquals(List.of(12, 13, 14), out.groups().stream().map(IommuGroup::number).toList());
        assertEquals(2, out.group(12).orElseThrow().members().size());
        // "... SAS-3 [100" + "0:0097] (rev 02)": the cut fell inside the ids
        GroupMember hba = out.group(13).orElseThrow().members().get(0);
        assertEquals("03:00.0", hba.address().shortForm());
        assertEquals("1000:0097", hba.vendorDevice());
        assertEquals("Broadcom / LSI SAS3008 PCI-Express Fusion-MPT SAS-3", hba.description());
        assertEquals(
                "Renesas Technology Corp. uPD720201 USB 3.0 Host Controller",
                out.group(14).orElseThrow().members().get(0).description());
    }

    @Test
    void readsLsIommuLinesWithoutColonAfterClassCode() {
        IommuGroupsOutput out = sample("iommu-groups/ls-iommu-laptop.txt");
        GroupMember dgpu = out.group(12).orElseThrow().members().get(0);

        assertEquals("3D controller", dgpu.className());
        assertEquals("0302", dgpu.classCode());
        assertEquals("10de:1f97", dgpu.vendorDevice());
        assertEquals("NVIDIA Corporation TU117M [GeForce MX450]", dgpu.description());
        assertTrue(out.group(1).orElseThrow().members().get(0).isBridge());
    }

    @Test
    void keepsLineThatNoGlueingExplainsAsOddLine() {
        IommuGroupsOutput out =
                parser.parse(
                        "IOMMU Group 1:\n"
                                + "01:00.0 VGA compatible controller [0300]: NVIDIA Corporation"
                                + " GP104 [GeForce GTX 1080] [10de:1b80] (rev a1)\n"
                                + "lspci: Unable to load libkmod resources: error -2\n");

        assertEquals("10de:1b80", out.group(1).orElseThrow().members().get(0).vendorDevice());
        assertEquals(List.of("lspci: Unable to load libkmod resources: error -2"), out.unparsed());
    }

    @Test
    void readsPveshTableByColumnNames() {
        IommuGroupsOutput out = sample("iommu-groups/pvesh-table-guide.txt");
        GroupMember gt1030 = out.groupOf("01:00.0").orElseThrow().members().get(0);

        assertEquals(Format.PVESH_TABLE, out.format());
        assertEquals(
                List.of(1, 2, 5, 11, 12), out.groups().stream().map(IommuGroup::number).toList());
        assertEquals("0300", gt1030.classCode());
        assertEquals("10de:1d01", gt1030.vendorDevice());
        assertEquals("GP108 [GeForce GT 1030]", gt1030.description());
    }

    @Test
    void minusOneEverywhereMeansNoIommu() {
        IommuGroupsOutput table = sample("iommu-groups/pvesh-table-no-iommu.txt");
        IommuGroupsOutput json = sample("pci-json/pvesh-json-pretty-no-iommu.txt");

        assertFalse(table.iommuActive());
        assertEquals(4, table.ungrouped().size());
        assertEquals(
                "NVIDIA Corporation TU106 [GeForce RTX 2060 SUPER]",
                table.ungrouped().get(2).description());
        assertFalse(json.iommuActive());
        assertEquals(List.of("01:00.0", "01:00.1"), addresses(json.ungrouped()));
        assertEquals(Format.PVESH_JSON, json.format());
    }

    @Test
    void readsPveshJsonWithMdevFlag() {
        IommuGroupsOutput out = sample("pci-json/pvesh-json-intel.txt");

        assertTrue(out.iommuActive());
        assertEquals(
                List.of("00:01.0", "01:00.0", "01:00.1"),
                addresses(out.group(1).orElseThrow().members()));
        assertTrue(out.groupOf("00:02.0").orElseThrow().members().get(0).mdevCapable());
        assertFalse(out.groupOf("01:00.0").orElseThrow().members().get(1).mdevCapable());
        assertTrue(out.group(1).orElseThrow().members().get(0).isBridge());
        assertEquals(6, out.members().size());
    }

    @Test
    void readsApiEnvelopeWithStringGroupNumbers() {
        IommuGroupsOutput out = sample("pci-json/api-envelope-crlf.txt");

        assertEquals(List.of(44, 45, 46), out.groups().stream().map(IommuGroup::number).toList());
        assertEquals("8086:1572", out.group(45).orElseThrow().members().get(0).vendorDevice());
    }

    @Test
    void keepsCompleteItemsOfJsonCutOffByChat() {
        IommuGroupsOutput out = sample("pci-json/truncated-by-chat.txt");

        assertEquals(List.of(27), out.groups().stream().map(IommuGroup::number).toList());
        assertEquals(1, out.unparsed().size());
    }

    @Test
    void emptyListingHasNoGroups() {
        IommuGroupsOutput out = parser.parse("\n\n");

        assertEquals(Format.EMPTY, out.format());
        assertFalse(out.iommuActive());
        assertTrue(out.unparsed().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "01:00.0 VGA compatible controller [0300]: NVIDIA",
                "ls: cannot access '/sys/kernel/iommu_groups/': x",
                "{\"errors\":{\"node\":\"no such node\"}}",
                "[1,2",
                "│ nothing │ here │"
            })
    void oddInputNeverThrows(String text) {
        IommuGroupsOutput out = parser.parse(text);

        assertFalse(out.iommuActive());
        assertFalse(out.unparsed().isEmpty());
    }

    static Stream<String> samples() {
        return Stream.of("iommu-groups", "pci-json").flatMap(d -> Samples.list(d).stream());
    }

    private static final Map<String, List<String>> EXPECTED_ODD =
            Map.of(
                    "iommu-groups/pvesh-table-guide.txt", List.of(".", ".", "."),
                    "pci-json/truncated-by-chat.txt",
                            List.of(Samples.read("pci-json/truncated-by-chat.txt").strip()));

    @ParameterizedTest
    @MethodSource("samples")
    void everySampleParsesWithOnlyItsExpectedOddLines(String name) {
        IommuGroupsOutput out = sample(name);

        assertFalse(out.members().isEmpty(), name);
        assertEquals(EXPECTED_ODD.getOrDefault(name, List.of()), out.unparsed(), name);
    }
}
