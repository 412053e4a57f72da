package dev.pcibot.kb.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

final class PasteNormalizerTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "BAR 3: can\u2019t reserve | BAR 3: can't reserve",
        "allow_unsafe_interrupts=\u201c1\u201d | allow_unsafe_interrupts=\"1\"",
        "DMAR:\u00a0IOMMU\u00a0enabled | DMAR: IOMMU enabled",
        "vfio\u200b-pci\ufeff | vfio-pci",
        "pcie_acs_override\u2013downstream | pcie_acs_override-downstream",
    })
    void undoesWhatChatClientsAndTerminalsAdd(String pasted, String expected) {
        assertEquals(expected, PasteNormalizer.normalize(pasted));
    }

    @Test
    void removesAnsiColours() { // not in the CSV table: its reader trims control characters itself
        assertEquals("DMAR: IOMMU enabled", PasteNormalizer.normalize("\u001b[1;31mDMAR: IOMMU enabled\u001b[0m"));
    }

    @Test
    void quotingKeepsThePastedTextButDropsWhatNobodySees() {
        assertEquals("can\u2019t reserve", PasteNormalizer.quote("\u001b[33mcan\u2019t reserve\u001b[0m\r"));
    }

    @Test
    void aLineWrappedInInlineCodeIsMatchedWithoutTheBackticks() {
        assertEquals("GRUB_CMDLINE_LINUX_DEFAULT=\"quiet intel_iommu=on\"",
                PasteNormalizer.normalize("`GRUB_CMDLINE_LINUX_DEFAULT=\"quiet intel_iommu=on\"`"));
        assertEquals("SeaBIOS (version rel-1.16.0)", PasteNormalizer.normalize("`SeaBIOS (version rel-1.16.0)"));
    }

    @Test
    void fencesAndShellBackticksStay() {
        assertEquals("```", PasteNormalizer.normalize("```"));
        assertEquals("GRUB_DISTRIBUTOR=`lsb_release -i -s 2> /dev/null || echo Debian`",
                PasteNormalizer.normalize("GRUB_DISTRIBUTOR=`lsb_release -i -s 2> /dev/null || echo Debian`"));
    }

    @Test
    void aCleanLineIsReturnedAsIs() {
        String clean = "[    0.021373] DMAR: IOMMU enabled";
        assertSame(clean, PasteNormalizer.normalize(clean));
    }
}
