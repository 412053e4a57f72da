package dev.pcibot.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The per-format repairs, each on a small input that must change and one that must not. */
final class QuirksTest {

    @Test
    void continuationMarksJoinTheWrappedCommand() {
        assertEquals("echo \"options vfio-pci ids=<vendor-id>,<device-id> disable_vga=1\" > /etc/modprobe.d/vfio.conf",
                ContinuationJoiner.join(
                        "echo \"options vfio-pci ids=<vendor-id>,<device-id> disable_vga=1\" > /etc/ ←modprobe.d/vfio.conf"));
        assertEquals("# echo \"softdep x pre: vfio-pci\" >> /etc/modprobe.d/x.conf",
                ContinuationJoiner.join("# echo \"softdep x pre: vfio-pci\" >> /etc/modprobe.d/ ←\nx.conf"));
        assertEquals("before\nafter", ContinuationJoiner.join("before\n←-\nafter"));
        assertEquals("no marks here -> none", ContinuationJoiner.join("no marks here -> none"));
    }

    @Test
    void obsidianEmbedsAreDropped() {
        assertEquals("output similar to:\n\nAs you can see",
                ObsidianEmbeds.strip("output similar to:\n![[device id.png]]\nAs you can see"));
        assertEquals("![alt](image.png) and [[wiki link]] stay", ObsidianEmbeds.strip("![alt](image.png) and [[wiki link]] stay"));
    }

    @Test
    void fourAdmonitionSyntaxesBecomeBoldLabels() {
        assertEquals("> **Attention:**\nThis step is optional.", Admonitions.normalize("> [!ATTENTION]\nThis step is optional."));
        assertEquals("> **Careful now:**", Admonitions.normalize("> [!WARNING] Careful now"));
        assertEquals("**Attention:** This step is not necessary!\n",
                Admonitions.normalize("!!! attention \"Attention\" This step is not necessary!"));
        assertEquals("**Note:** \nIndented body\n", Admonitions.normalize("!!! note\n    Indented body"));
        assertEquals("**Note:**\nbody line\n", Admonitions.normalize(":::note\nbody line\n:::"));
        assertEquals("**This is a tip:** This is the content.\n",
                Admonitions.normalize("```ad-tip\ntitle: This is a tip\n\nThis is the content.\n```"));
        String plain = "> a quote\n**⚠️ Attention:** bold callouts stay\n```\ncode\n```";
        assertEquals(plain, Admonitions.normalize(plain));
    }

    @Test
    void boxTablesBecomePipeTablesOrRows() {
        String box = """
                ┌──────────┬────────┐
                │ class    │ device │
                ╞══════════╪════════╡
                │ 0x010601 │ 0xa282 │
                ├──────────┼────────┤
                .
                .
                after""";
        assertEquals("\n| class | device |\n| --- | --- |\n| 0x010601 | 0xa282 |\n\nafter", BoxTables.toMarkdown(box));
        assertEquals("class: 0x010601; device: 0xa282\nafter", BoxTables.toRows(box));
        assertEquals("| a | b |\nplain", BoxTables.toRows("| a | b |\nplain"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "🔧 Step 2: {{Step Title}}               | Step 2",
            "🛠️ How To: Proxmox PCI/GPU Passthrough  | How To: Proxmox PCI/GPU Passthrough",
            "▶️ BIOS Enable/Disable:                 | BIOS Enable/Disable",
            "10.9.2 Host Device Passthrough          | Host Device Passthrough",
            "Summary:                                | Summary",
            "vIOMMU (emulated IOMMU)                 | vIOMMU (emulated IOMMU)",
            "Step 1: Prepare BIOS                    | Step 1: Prepare BIOS",
    })
    void headingsLosePlaceholdersEmojiAndNumbers(String raw, String clean) {
        assertEquals(clean, HeadingText.clean(raw));
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
            "find /sys/kernel/iommu_groups/ -type l | head -20Configure GRUB => find /sys/kernel/iommu_groups/ -type l | head -20 => Configure GRUB",
            "rebootVerify IOMMU => reboot => Verify IOMMU",
            "# x-vga=1: VGA primaryMultiple GPUs => # x-vga=1: VGA primary => Multiple GPUs",
            "lspci -nnk -d 10de:Troubleshooting => lspci -nnk -d 10de: => Troubleshooting",
            "echo \"options pci_ids default_hugepagesz=2M\" >> /etc/modprobe.d/kvm.confVM Won’t Start => echo \"options pci_ids default_hugepagesz=2M\" >> /etc/modprobe.d/kvm.conf => VM Won’t Start",
    })
    void gluedHeadingsAreSplitOffCode(String glued, String code, String heading) {
        assertEquals(List.of(code, heading), GluedHeadings.split(glued));
    }

    @Test
    void gluedHeadingsLeaveProseAndShortCapitalsAlone() {
        assertEquals(List.of("- GPU Computing (CUDA, OpenCL)"), GluedHeadings.split("- GPU Computing (CUDA, OpenCL)"));
        assertEquals(List.of("# NVIDIA Control Panel -> Manage 3D Settings"),
                GluedHeadings.split("# NVIDIA Control Panel -> Manage 3D Settings"));
        assertEquals(List.of("lspci -nn | grep -E \"USB|xHCI\""), GluedHeadings.split("lspci -nn | grep -E \"USB|xHCI\""));
    }

    @Test
    void proseInsideFencesIsOpenedAndCommandsFencedAgain() {
        List<String> lines = List.of("```", "# lsmod | grep vfio", "should include the four modules from above.",
                "# Edit this", "```", "```", "# lspci -nn", "```");
        List<String> out = BareCommands.fence(ProseFences.open(lines));
        assertEquals(List.of("", "```", "# lsmod | grep vfio", "```", "should include the four modules from above.",
                "\\# Edit this", "", "```", "# lspci -nn", "```"), out);
    }

    @Test
    void bareCommandsAreFencedButListsAndIndentedLinesAreNot() {
        assertEquals(List.of("text", "```", "dmesg | grep 'remapping'", "```", "- echo x > y", "    echo x > y"),
                BareCommands.fence(List.of("text", "dmesg | grep 'remapping'", "- echo x > y", "    echo x > y")));
    }

    @Test
    void lostHeadingsNamedInHintsAreRestored() {
        GuideHints hints = GuideHints.parse("heading\t4\tKernel Modules\n", "test");
        assertEquals(List.of("", "#### Kernel Modules", "", "You have to", "```", "Kernel Modules", "```"),
                LostHeadings.restore(List.of("Kernel Modules", "You have to", "```", "Kernel Modules", "```"), hints));
    }

    @Test
    void angleBracketPlaceholdersSurviveMarkdown() {
        assertEquals("Kernel driver in use: &lt;some-module&gt; and <strong>bold</strong>",
                AngleBracketPlaceholders.escapeLine("Kernel driver in use: <some-module> and <strong>bold</strong>"));
        assertEquals(List.of("```", "echo <x>", "```"), AngleBracketPlaceholders.escape(List.of("```", "echo <x>", "```")));
    }
}
