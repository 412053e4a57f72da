package dev.pcibot.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class TextDumpBlocksTest {

    @ParameterizedTest
    @ValueSource(strings = {"Verify IOMMU isolation", "\"BAR 3: can't reserve [mem]\" error", "Error 43",
            "How to know if a graphics card is UEFI (OVMF) compatible", "Alternative: vfio-pci"})
    void headingLines(String line) {
        assertTrue(TextDumpBlocks.looksLikeHeading(line));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Reboot, then run:", "then remapping is supported.", "  - AMD GPUs", "- Direct hardware access",
            "Capabilities: [a0] MSI: Enable+ Count=1/1 Maskable- 64bit+", " PCIR: type 0, vendor: 10de",
            "# Check CPU support", "lspci -nn", "This is a list of basic requirements adapted from the Arch wiki today"})
    void notHeadingLines(String line) {
        assertFalse(TextDumpBlocks.looksLikeHeading(line));
    }

    @Test
    void spacedDumpNeedsAStandaloneLineThatDoesNotIntroduceACommand() {
        List<Block> blocks = TextDumpBlocks.read("""
                Page title

                Verifying things

                When executing

                # pvesh get /nodes/{nodename}/hardware/pci

                you get a list.
                """, GuideHints.NONE);
        assertEquals(List.of(
                new Block.Heading(1, "Page title", null),
                new Block.Heading(2, "Verifying things", null),
                new Block.Prose("When executing"),
                new Block.Code(List.of("# pvesh get /nodes/{nodename}/hardware/pci")),
                new Block.Prose("you get a list.")), blocks);
    }

    @Test
    void denseDumpNestsHeadingsThatFollowAHeading() {
        List<Block> blocks = TextDumpBlocks.read("""
                Guide
                Overview
                Some prose.
                Enable IOMMU
                Check Current Status
                # Check CPU support
                egrep -c 'vmx|svm' /proc/cpuinfoConfigure GRUB
                update-grub
                """, GuideHints.NONE);
        assertEquals(List.of(
                new Block.Heading(1, "Guide", null),
                new Block.Heading(2, "Overview", null),
                new Block.Prose("Some prose."),
                new Block.Heading(2, "Enable IOMMU", null),
                new Block.Heading(3, "Check Current Status", null),
                new Block.Code(List.of("# Check CPU support", "egrep -c 'vmx|svm' /proc/cpuinfo")),
                new Block.Heading(3, "Configure GRUB", null),
                new Block.Code(List.of("update-grub"))), blocks);
    }

    @Test
    void navigationCrumbsImageNamesAndBulletGlyphsAreCleaned() {
        assertEquals(List.of("PCI Passthrough", "", "", "Note: read this", "- AMD-Vi: Interrupt remapping enabled"),
                TextDumpBlocks.clean("PCI Passthrough\n\nFrom Proxmox VE\nJump to navigation Jump to search\n\n"
                        + "Yellowpin.svg Note: read this\n  • AMD-Vi: Interrupt remapping enabled"));
    }

    @Test
    void hintsPromoteBareLinesAndSetLevels() {
        GuideHints hints = GuideHints.parse("heading\t2\tCPU requirements\n", "test");
        List<Block> blocks = TextDumpBlocks.read("Title\n\nCPU requirements\nYour CPU has to support IOMMU.\n", hints);
        assertEquals(new Block.Heading(2, "CPU requirements", null), blocks.get(1));
    }
}
