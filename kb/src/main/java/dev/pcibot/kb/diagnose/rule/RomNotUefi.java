package dev.pcibot.kb.diagnose.rule;

import dev.pcibot.kb.diagnose.Detection;
import dev.pcibot.kb.diagnose.Facts;
import dev.pcibot.kb.diagnose.MessageScan;
import java.util.List;

/**
 * Fires when rom-parser output lists only legacy images ({@code PCIR: type 0}) and no EFI image
 * ({@code type 3}): OVMF cannot run the ROM. Text: content findings/rom-not-uefi.md
 */
final class RomNotUefi implements Rule {
    @Override
    public String id() {
        return "rom-not-uefi";
    }

    @Override
    public List<Detection> evaluate(Facts facts) {
        MessageScan log = facts.messages();
        if (!log.has("rom-image-legacy") || log.has("rom-image-efi")) {
            return List.of();
        }
        return List.of(Detection.of(id(), log.fact("rom-image-legacy").stream().map(MessageScan.Hit::line).toList(),
                "The ROM holds legacy (type 0) images only, no EFI (type 3) image."));
    }
}
