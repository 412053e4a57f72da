package dev.pcibot.kb.search;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Technical tokens and prose over the real bundled guides (Lucene TestDemo style: query, expected top section). */
class GoldenQueriesTest {
    @TempDir
    static Path root;
    static KbIndex index;

    @BeforeAll
    static void open() {
        index = KbIndex.open(root, BundledGuides.SECTIONS, BundledGuides.FINGERPRINT);
    }

    @AfterAll
    static void close() {
        index.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // query | acceptable top sections (space-separated) | text the snippet must highlight
        "intel_iommu=on | community-howto/sbsg/s2stba/for-intel-cpus community-howto/sbsg/s2stba/intel-cpus-systemd-zfs complete-guide/enable-iommu/configure-grub pve-admin-guide/pci-e-passthrough/viommu-emulated-iommu/intel-viommu | **intel_iommu=on**",
        "iommu=pt | pve-admin-guide/pci-e-passthrough/iommu-passthrough-mode | **iommu=pt**",
        "10de:1b80 | complete-guide/gpu-passthrough/identify-gpu | **10de:1b80**",
        "0000:01:00.0 | pve-admin-guide/resource-mapping pve-admin-guide/pci-e-passthrough/sr-iov/host-configuration pve-wiki-dump/gpu-passthrough/the-romfile-option pve-wiki-dump/gpu-passthrough/how-to-know-if-a-graphics-card-is-uefi-o complete-guide/security-considerations/device-isolation | **0000:01:00.0**",
        "DMAR-IR | pve-wiki/verifying-iommu-parameters/verify-iommu-interrupt-remapping-is-enab | **DMAR-IR**",
        "pcie_acs_override | pve-wiki/verifying-iommu-parameters/verify-iommu-isolation | **pcie_acs_override",
        "vfio-pci | pve-admin-guide/pci-e-passthrough/host-device-passthrough/host-configuration pve-admin-guide/pep/hdp/hc/verify-configuration complete-guide/security-considerations/alternative-vfio-pci | **vfio-pci**",
        "interrupt remapping | pve-wiki/verifying-iommu-parameters/verify-iommu-interrupt-remapping-is-enab | **remapping**",
        "remap | pve-wiki/verifying-iommu-parameters/verify-iommu-interrupt-remapping-is-enab | **remapping**",
        "update-initramfs -u -k all | pve-admin-guide/pci-e-passthrough/kernel-modules community-howto/step-by-step-guide/step-3-configuring-iommu | **update-initramfs**",
        "x-vga=on | pve-admin-guide/pci-e-passthrough/host-device-passthrough/vm-configuration pve-admin-guide/pep/hdp/vc/example | **x-vga=on",
        "ignore_msrs | pve-wiki-dump/gpu-passthrough/the-romfile-option community-howto/step-by-step-guide/step-1-prepare-bios/bios-enable-disable | **ignore_msrs",
    })
    void technicalAndProseQueries(String query, String expected, String highlighted) {
        SearchResult r = index.searcher().search(query, 3);
        assertTrue(r.answered(), query);
        SearchHit top = r.hits().get(0);
        List<String> ok = List.of(expected.split(" "));
        assertTrue(ok.contains(top.citation().sectionId()) || top.alsoIn().stream().anyMatch(c -> ok.contains(c.sectionId())),
                () -> query + " -> " + r.hits().stream().map(h -> h.citation().sectionId()).toList());
        assertTrue(top.snippet().contains(highlighted), () -> query + " snippet: " + top.snippet());
    }
}
