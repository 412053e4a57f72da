package dev.pcibot.kb.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pcibot.kb.diagnose.Diagnoser;
import dev.pcibot.kb.diagnose.Diagnosis;
import dev.pcibot.kb.diagnose.parse.IommuGroupsOutput;
import dev.pcibot.kb.diagnose.parse.IommuGroupsParser;
import dev.pcibot.kb.diagnose.parse.LspciDevice;
import dev.pcibot.kb.diagnose.parse.LspciParser;
import org.junit.jupiter.api.Test;

/**
 * Numbers longer than an int in places where a regex takes {@code \d+}: the line is not
 * understood, nothing throws. The fuzzer found the first (an IOMMU group of 130 digits, seed
 * ParsersFuzzTestInputs/everyParser/iommu-groups-130-digit-group).
 */
final class OverlongNumbersTest {
    static final String BIG = "99999999999999999999";

    @Test
    void anOverlongGroupNumberIsNotUnderstood() {
        IommuGroupsOutput out = new IommuGroupsParser().parse("IOMMU Group " + BIG + ":\n"
                + "/sys/kernel/iommu_groups/" + BIG + "/devices/0000:01:00.0\n"
                + "IOMMU Group 14 01:00.0 VGA compatible controller [0300]: NVIDIA Corporation GP104 [10de:1b80] (rev a1)\n");
        assertEquals(2, out.unparsed().size(), out.unparsed().toString());
        assertTrue(out.groupOf("01:00.0").isPresent(), "the good line is still read");
        assertEquals(14, out.groupOf("01:00.0").orElseThrow().number());
    }

    @Test
    void anOverlongLspciGroupIsNoGroup() {
        String header = "01:00.0 VGA compatible controller [0300]: NVIDIA Corporation GP104 [10de:1b80] (rev a1)\n";
        LspciDevice vv = new LspciParser().parse(header + "\tIOMMU group: " + BIG + "\n").device("01:00.0").orElseThrow();
        LspciDevice flags = new LspciParser().parse(header
                + "\tFlags: bus master, fast devsel, latency 0, IRQ 16, IOMMU group " + BIG + "\n").device("01:00.0").orElseThrow();
        assertEquals(null, vv.iommuGroup());
        assertEquals(null, flags.iommuGroup());
    }

    @Test
    void anOverlongKernelReleaseOrBarSizeStillGetsADiagnosis() {
        Diagnoser diagnoser = Diagnoser.withoutCitations();
        Diagnosis uname = diagnoser.diagnose("root@pve:~# uname -r\n" + BIG + ".8.12-4-pve\n");
        Diagnosis rebar = diagnoser.diagnose("root@pve:~# lspci -vv -nn -s 01:00.0\n"
                + "01:00.0 VGA compatible controller [0300]: NVIDIA Corporation GP104 [GeForce GTX 1080] [10de:1b80] (rev a1)\n"
                + "\tRegion 1: Memory at 7000000000 (64-bit, prefetchable) [size=" + BIG + "M]\n"
                + "\tCapabilities: [bb0 v1] Physical Resizable BAR\n"
                + "\t\tBAR 0: current size: " + BIG + "MB, supported: 1MB\n");
        assertFalse(uname.findings().isEmpty());
        assertFalse(rebar.findings().stream().anyMatch(f -> f.id().equals("resizable-bar-enabled")), rebar.findings().toString());
    }
}
