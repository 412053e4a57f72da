package dev.pcibot.bot.discord.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

final class ProseTest {
    // shaped like content/findings/*.md: hard-wrapped prose, a numbered list with an indented fence
    private static final String FIX = """
            1. In the firmware setup enable "VT-d" (Intel) or "IOMMU"/"AMD-Vi" (AMD); "Auto" is often not the
               same as "Enabled". Update the firmware if the option is missing.
            2. Then run
               ```sh
               update-grub
               proxmox-boot-tool refresh
               ```
            3. Reboot.
            """;

    @Test
    void joinsWrappedLinesButKeepsListItemsAndCodeBlocks() {
        assertEquals("""
                1. In the firmware setup enable "VT-d" (Intel) or "IOMMU"/"AMD-Vi" (AMD); "Auto" is often not the \
                same as "Enabled". Update the firmware if the option is missing.
                2. Then run
                   ```sh
                   update-grub
                   proxmox-boot-tool refresh
                   ```
                3. Reboot.""", Prose.unwrap(FIX));
    }

    @Test
    void firstParagraphIsTheShortForm() {
        String meaning = "Passthrough needs the IOMMU to be switched on in the firmware AND used by the\nkernel.\n\n"
                + "Note that this is a second paragraph.";
        assertEquals("Passthrough needs the IOMMU to be switched on in the firmware AND used by the kernel.",
                Prose.firstParagraph(meaning));
    }
}
