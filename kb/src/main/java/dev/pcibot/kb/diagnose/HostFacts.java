package dev.pcibot.kb.diagnose;

import dev.pcibot.kb.diagnose.parse.CmdlineOutput;
import dev.pcibot.kb.diagnose.parse.PveVersionOutput;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Host-wide facts for {@link Diagnosis#host()}: only what the paste showed, by stable keys
 * ({@code kernel}, {@code pveVersion}, {@code cmdline}, {@code bootLoader}, {@code iommu},
 * {@code interruptRemapping}).
 */
final class HostFacts {
    private HostFacts() {}

    /**
     * GRUB puts {@code BOOT_IMAGE=} on the command line it boots; systemd-boot (proxmox-boot-tool)
     * puts {@code initrd=\EFI\...}. Which file the fix goes to depends on it.
     */
    private static java.util.Optional<String> bootLoader(Facts facts) {
        for (Cmdline c : facts.cmdlines()) {
            if (c.output().source() != CmdlineOutput.Source.PROC_CMDLINE) {
                continue;
            }
            if (c.output().has("BOOT_IMAGE")) {
                return java.util.Optional.of("grub");
            }
            if (c.output().value("initrd").map(v -> v.toUpperCase(java.util.Locale.ROOT).contains("EFI")).orElse(false)) {
                return java.util.Optional.of("systemd-boot");
            }
        }
        return java.util.Optional.empty();
    }

    static Map<String, String> of(Facts facts) {
        Map<String, String> host = new LinkedHashMap<>();
        MessageScan log = facts.messages();
        facts.kernelRelease().ifPresent(k -> host.put("kernel", k.text()));
        facts.output(PveVersionOutput.class).flatMap(PveVersionOutput::manager)
                .ifPresent(v -> host.put("pveVersion", v.raw()));
        log.fact("cmdline").stream().findFirst().map(MessageScan.Hit::value)
                .ifPresent(v -> host.put("cmdline", v.strip()));
        bootLoader(facts).ifPresent(b -> host.put("bootLoader", b));
        if (facts.iommuActive()) {
            host.put("iommu", "on");
        } else if (facts.logShowsIommuStartup()) {
            host.put("iommu", "off");
        }
        if (log.has("irq-remapping-on")) {
            host.put("interruptRemapping", "on");
        } else if (facts.iommuActive() && facts.logShowsRemappingStartup()) {
            host.put("interruptRemapping", "off");
        }
        return host;
    }
}
