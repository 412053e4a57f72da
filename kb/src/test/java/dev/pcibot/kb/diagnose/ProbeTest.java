package dev.pcibot.kb.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ProbeTest {
    /** The catalogue of shared/design/probes.md section 1, plus the kinds a paste adds. */
    private static final List<String> CATALOGUE = List.of(
            "kernel-iommu", "irq-remapping", "iommu-groups", "pci-json", "lspci-nnk", "lspci-dev", "lspci-vv",
            "vfio-modules", "cmdline", "modprobe-conf", "qm-config", "node-status", "version",
            "kernel-log", "vm-start-error", "cpu-flags");

    @Test
    void theEnumIsTheCatalogue() {
        assertEquals(CATALOGUE.stream().sorted().toList(),
                Arrays.stream(Probe.values()).map(Probe::id).sorted().toList());
    }

    @Test
    void everyProbeHasACommandAReasonAndAParser() {
        for (Probe p : Probe.values()) {
            assertTrue(!p.command().isBlank() && !p.why().isBlank(), p.id());
            assertTrue(p.parser().isPresent(), p.id() + " has no parser");
            assertEquals(p, Probe.byId(p.id()).orElseThrow());
        }
    }

    @Test
    void commandsTakeTheirArgument() {
        assertEquals("qm config 100", Probe.QM_CONFIG.command("100"));
        assertEquals("lspci -vv -nn -s 0000:01:00.0", Probe.LSPCI_VV.command("0000:01:00.0"));
        assertEquals("qm config <VMID>", Probe.QM_CONFIG.command(null));
    }
}
