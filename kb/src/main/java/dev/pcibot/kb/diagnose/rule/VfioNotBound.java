package dev.pcibot.kb.diagnose.rule;

import dev.pcibot.kb.diagnose.Detection;
import dev.pcibot.kb.diagnose.Facts;
import dev.pcibot.kb.diagnose.PassthroughTargets;
import dev.pcibot.kb.diagnose.PastePart;
import dev.pcibot.kb.diagnose.Probe;
import dev.pcibot.kb.diagnose.parse.LspciDevice;
import dev.pcibot.kb.diagnose.parse.LspciOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cross-check: vfio-pci ids are configured (modprobe.d or vfio-pci.ids=), yet lspci shows a device
 * with such an id held by another driver or by none: the ids were not applied (initramfs not
 * refreshed, or the host driver loads first without a softdep). Text: content
 * findings/vfio-not-bound.md
 */
final class VfioNotBound implements Rule {
    @Override
    public String id() {
        return "vfio-not-bound";
    }

    @Override
    public List<Detection> evaluate(Facts facts) {
        List<String> ids = PassthroughTargets.vfioIds(facts);
        if (ids.isEmpty()) {
            return List.of();
        }
        List<String> evidence = new ArrayList<>();
        List<String> details = new ArrayList<>();
        for (PastePart part : facts.parts()) {
            if (!(facts.output(part).orElse(null) instanceof LspciOutput lspci) || !lspci.showsKernelDrivers()) {
                continue;
            }
            for (LspciDevice d : lspci.devices()) {
                String id = d.vendorDevice() == null ? null : d.vendorDevice().toLowerCase(Locale.ROOT);
                if (id == null || !ids.contains(id) || "vfio-pci".equals(d.driverInUse())) {
                    continue;
                }
                part.quotedLineContaining(d.address().shortForm()).ifPresent(evidence::add);
                String driver = d.driverInUse();
                if (driver != null) {
                    part.quotedLineContaining("Kernel driver in use: " + driver).ifPresent(evidence::add);
                }
                details.add(d.address().shortForm() + " [" + id + "] is in the vfio-pci ids but "
                        + (driver == null ? "no driver holds it." : driver + " holds it."));
            }
        }
        if (details.isEmpty()) {
            return List.of();
        }
        for (PastePart part : facts.parts(Probe.MODPROBE_CONF)) {
            part.quotedLineContaining("ids=").ifPresent(evidence::add);
        }
        return List.of(Detection.of(id(), evidence.stream().distinct().toList(), String.join(" ", details)));
    }
}
