package dev.pcibot.kb.diagnose;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Host-wide facts for {@link Diagnosis#host()}: only what the paste showed, by stable keys
 * ({@code kernel}, {@code cmdline}, {@code iommu}, {@code interruptRemapping}).
 */
final class HostFacts {
    private HostFacts() {}

    static Map<String, String> of(Facts facts) {
        Map<String, String> host = new LinkedHashMap<>();
        MessageScan log = facts.messages();
        log.fact("kernel-version").stream().findFirst().map(MessageScan.Hit::value)
                .ifPresent(v -> host.put("kernel", v));
        log.fact("cmdline").stream().findFirst().map(MessageScan.Hit::value)
                .ifPresent(v -> host.put("cmdline", v.strip()));
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
