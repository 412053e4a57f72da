package dev.pcibot.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

final class SectionLinksTest {

    private static final Guide WIKI = new Guide("w", "Wiki", "https://pve.proxmox.com/wiki/PCI_Passthrough",
            Authority.OFFICIAL_WIKI, GuideFormat.TEXT, "w.txt");
    private static final Guide ADMIN = new Guide("a", "Admin", "https://pve.proxmox.com/pve-docs/chapter-qm.html#qm_pci_passthrough",
            Authority.OFFICIAL_ADMIN_GUIDE, GuideFormat.MARKDOWN, "a.md");

    @Test
    void wikiSectionsGetMediaWikiAnchors() {
        assertEquals("https://pve.proxmox.com/wiki/PCI_Passthrough#Verify_IOMMU_is_enabled",
                SectionLinks.link(WIKI, List.of("Verifying IOMMU parameters", "Verify IOMMU is enabled"), null, GuideHints.NONE));
        assertEquals("%22BAR_3:_can't_reserve_%5Bmem%5D%22_error", SectionLinks.mediaWikiAnchor("\"BAR 3: can't reserve [mem]\" error"));
        assertEquals(WIKI.originUrl(), SectionLinks.link(WIKI, List.of(), null, GuideHints.NONE));
    }

    @Test
    void adminGuideSectionsUseTheNearestAsciiDocIdElseTheChapter() {
        GuideHints hints = GuideHints.parse("anchor\tqm_pci_passthrough_vm_config\tHost Device Passthrough > VM Configuration\n"
                + "anchor\tqm_pci_viommu\tvIOMMU (emulated IOMMU)\n", "test");
        assertEquals("https://pve.proxmox.com/pve-docs/chapter-qm.html#qm_pci_passthrough_vm_config",
                SectionLinks.link(ADMIN, List.of("PCI(e) Passthrough", "Host Device Passthrough", "VM Configuration", "Example"), null, hints));
        assertEquals("https://pve.proxmox.com/pve-docs/chapter-qm.html",
                SectionLinks.link(ADMIN, List.of("PCI(e) Passthrough", "SR-IOV", "VM Configuration"), null, hints));
        assertEquals("https://pve.proxmox.com/pve-docs/chapter-qm.html#qm_pci_viommu",
                SectionLinks.link(ADMIN, List.of("PCI(e) Passthrough", "vIOMMU (emulated IOMMU)", "Intel vIOMMU"), null, hints));
    }

    @Test
    void hintFilesReportTheirBadLines() {
        var error = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> GuideHints.parse("heading\tseven\tX\n", "hints/x.tsv"));
        assertEquals("hints/x.tsv line 1: level must be 1..6, was 'seven'", error.getMessage());
    }
}
