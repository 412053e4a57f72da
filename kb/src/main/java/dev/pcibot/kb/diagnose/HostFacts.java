package dev.pcibot.kb.diagnose;

import dev.pcibot.kb.diagnose.parse.CmdlineOutput;
import dev.pcibot.kb.diagnose.parse.PveVersionOutput;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Host-wide facts for {@link Diagnosis#host()}: only what the paste showed, by stable keys
 * ({@code kernel}, {@code pveVersion}, {@code cmdline}, {@code bootLoader}, {@code iommu},
 * {@code interruptRemapping}).
 */
final class HostFacts {
    private HostFacts() {}

    static Map<String, String> of(Facts facts) {
        Map<String, String> host = new LinkedHashMap<>();
        MessageScan log = facts.messages();
        facts.kernelRelease().ifPresent(k -> host.put("kernel", k.text()));
        facts.output(PveVersionOutput.class).flatMap(PveVersionOutput::manager)
                .ifPresent(v -> host.put("pveVersion", v.raw()));
        log.fact("cmdline").stream().findFirst().map(MessageScan.Hit::value)
                .ifPresent(v -> host.put("cmdline", v.strip()));
        facts.bootLoader().ifPresent(b -> host.put("bootLoader", b));
        List<String> ignored = facts.grubParamsIgnoredBySystemdBoot();
        if (!ignored.isEmpty()) {
            host.put("cmdlineConfigured", "configured in /etc/default/grub but the host boots with systemd-boot,"
                    + " which reads /etc/kernel/cmdline: " + String.join(" ", ignored));
        }
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
