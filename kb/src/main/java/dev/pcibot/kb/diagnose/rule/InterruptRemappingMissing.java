package dev.pcibot.kb.diagnose.rule;

import dev.pcibot.kb.diagnose.Detection;
import dev.pcibot.kb.diagnose.Facts;
import java.util.List;

/**
 * Fires when the IOMMU is up but a log that would show interrupt remapping has no line enabling
 * it. Text: content findings/interrupt-remapping-missing.md
 */
final class InterruptRemappingMissing implements Rule {
    @Override
    public String id() {
        return "interrupt-remapping-missing";
    }

    @Override
    public List<Detection> evaluate(Facts facts) {
        if (!facts.iommuActive()
                || facts.messages().has("irq-remapping-on")
                || !facts.logShowsRemappingStartup()) {
            return List.of();
        }
        List<String> evidence = facts.messages().fact("iommu-active").stream().limit(1).map(h -> h.line()).toList();
        return List.of(Detection.of(id(), evidence,
                "The IOMMU is on, but no line says interrupt remapping is enabled"
                        + " (DMAR-IR: Enabled IRQ remapping / AMD-Vi: Interrupt remapping enabled)."));
    }
}
