package dev.pcibot.bot.discord.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

final class PastedTextTest {
    @Test
    void removesFencesAndLanguageTagsButKeepsTextAroundThem() {
        String message = "my GPU won't pass through:\n```log\n[    0.000000] DMAR: IOMMU enabled\n```\nand lspci:\n"
                + "```\n01:00.0 VGA compatible controller [0300]: NVIDIA Corporation GP104 [10de:1b80] (rev a1)\n```";
        assertEquals("my GPU won't pass through:\n\n[    0.000000] DMAR: IOMMU enabled\n\nand lspci:\n\n"
                + "01:00.0 VGA compatible controller [0300]: NVIDIA Corporation GP104 [10de:1b80] (rev a1)\n\n",
                PastedText.of(message));
    }

    @Test
    void wordRightAfterAFenceIsOutputUnlessANewlineFollows() {
        // Discord reads "01:00.0" here as text, not as a language tag
        assertEquals("\n01:00.0 VGA compatible controller\n", PastedText.of("```01:00.0 VGA compatible controller```"));
    }

    @Test
    void plainTextIsUnchanged() {
        assertEquals("vfio-pci 0000:01:00.0: BAR 3: can't reserve", PastedText.of("vfio-pci 0000:01:00.0: BAR 3: can't reserve"));
    }
}
