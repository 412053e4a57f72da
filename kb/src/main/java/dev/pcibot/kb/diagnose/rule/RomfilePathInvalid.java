package dev.pcibot.kb.diagnose.rule;

import dev.pcibot.kb.diagnose.Detection;
import dev.pcibot.kb.diagnose.Facts;
import dev.pcibot.kb.diagnose.parse.HostPci;
import java.util.List;

/**
 * Fires when a hostpci {@code romfile=} is an absolute path or climbs out with {@code ..}: Proxmox
 * VE looks it up under /usr/share/kvm/ by relative name. (QEMU's "failed to find romfile" is a row
 * of the message table.) Text: content findings/romfile-path-invalid.md
 */
final class RomfilePathInvalid implements Rule {
    @Override
    public String id() {
        return "romfile-path-invalid";
    }

    @Override
    public List<Detection> evaluate(Facts facts) {
        for (QmConfigs vm : QmConfigs.of(facts)) {
            for (HostPci h : vm.config().hostPcis()) {
                String rom = h.romfile().orElse("");
                if (rom.startsWith("/") || rom.contains("..")) {
                    List<String> evidence = vm.line("hostpci" + h.index()).stream().toList();
                    return List.of(Detection.of(id(), evidence, "romfile=" + rom + " is read as /usr/share/kvm/" + rom
                            + "; copy the file to /usr/share/kvm/ and give its name only."));
                }
            }
        }
        return List.of();
    }
}
