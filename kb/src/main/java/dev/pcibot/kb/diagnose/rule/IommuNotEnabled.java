package dev.pcibot.kb.diagnose.rule;

import dev.pcibot.kb.diagnose.Detection;
import dev.pcibot.kb.diagnose.Facts;
import dev.pcibot.kb.diagnose.MessageScan;
import java.util.ArrayList;
import java.util.List;

/**
 * Fires when a log that shows the IOMMU start-up has no line of the IOMMU coming up, or says it is
 * disabled. Cross-check: when the kernel parameter is set (or the kernel acknowledged it with {@code
 * DMAR: IOMMU enabled}) and still nothing came up, the firmware switch is off. Text: content
 * findings/iommu-not-enabled.md
 */
final class IommuNotEnabled implements Rule {
    @Override
    public String id() {
        return "iommu-not-enabled";
    }

    @Override
    public List<Detection> evaluate(Facts facts) {
        MessageScan log = facts.messages();
        if (facts.iommuActive()) {
            return List.of();
        }
        List<String> evidence = new ArrayList<>();
        log.fact("iommu-disabled").forEach(h -> evidence.add(h.line()));
        if (evidence.isEmpty() && !facts.logShowsIommuStartup()) {
            return List.of(); // a grep or a wrapped log: a missing line means nothing
        }
        log.fact("iommu-param-on").forEach(h -> evidence.add(h.line()));
        boolean paramSet = !log.fact("iommu-param-on").isEmpty();
        for (MessageScan.Hit cmdline : log.fact("cmdline")) {
            String value = cmdline.value() == null ? "" : cmdline.value();
            if (KernelParams.of(value).iommuRequested()) {
                paramSet = true;
                evidence.add(cmdline.line());
            }
        }
        String detail;
        if (!log.fact("iommu-disabled").isEmpty()) {
            detail = "The kernel says the IOMMU is disabled.";
        } else if (paramSet) {
            detail = "The IOMMU is requested on the kernel command line, yet no line shows it coming up:"
                    + " the IOMMU (VT-d / AMD-Vi) is most likely switched off in the firmware setup.";
        } else {
            detail = "The kernel log shows no IOMMU coming up (no DMAR or AMD-Vi initialisation, no device"
                    + " added to an IOMMU group).";
        }
        return List.of(Detection.of(id(), evidence, detail));
    }
}
