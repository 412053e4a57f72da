package dev.pcibot.kb.diagnose.rule;

import dev.pcibot.kb.diagnose.Cmdline;
import dev.pcibot.kb.diagnose.Detection;
import dev.pcibot.kb.diagnose.Facts;
import dev.pcibot.kb.diagnose.parse.KernelParam;
import dev.pcibot.kb.diagnose.parse.MalformedToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fires on a kernel parameter that will not do what its author meant: what the cmdline parser
 * found malformed (a GRUB_ line inside /etc/kernel/cmdline, stray quotes), and names or values the
 * kernel does not know ({@code vfio-pci-ids=}, {@code intel_iommu=1}). Text: content
 * findings/cmdline-param-typo.md
 */
final class CmdlineParamTypo implements Rule {
    /** Misspelled names and what was meant. */
    private static final Map<String, String> WRONG_NAMES = Map.of(
            "vfio_pci_ids", "vfio-pci.ids",
            "vfio_ids", "vfio-pci.ids",
            "intel_iommu_on", "intel_iommu=on",
            "amd_iommu_on", "amd_iommu=on",
            "pci_acs_override", "pcie_acs_override",
            "pcie_acs_overide", "pcie_acs_override",
            "initcall_blacklisted", "initcall_blacklist");

    @Override
    public String id() {
        return "cmdline-param-typo";
    }

    @Override
    public List<Detection> evaluate(Facts facts) {
        List<String> evidence = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (Cmdline c : facts.cmdlines()) {
            for (MalformedToken m : c.output().malformed()) {
                add(evidence, c.lineWith(m.text()));
                reasons.add(m.reason());
            }
            for (KernelParam p : c.output().params()) {
                String meant = WRONG_NAMES.get(p.normalizedName());
                if (meant != null) {
                    add(evidence, c.lineWith(p.raw()));
                    reasons.add(p.raw() + ": the kernel knows no such parameter; meant is " + meant);
                }
                if (p.is("video") && p.value() != null && p.value().matches("[\\w-]+fb:[^,]*,[\\w-]+fb:.*")) {
                    add(evidence, c.lineWith(p.raw()));
                    reasons.add(p.raw() + ": video= takes one framebuffer option each; the second one is read as"
                            + " an option of the first (write each as its own video=..., or use"
                            + " initcall_blacklist=sysfb_init on current kernels)");
                }
                if ((p.is("intel_iommu") || p.is("amd_iommu")) && p.value() != null
                        && p.value().matches("1|true|yes|enable|enabled")) {
                    add(evidence, c.lineWith(p.raw()));
                    reasons.add(p.raw() + ": the value is not understood; write " + p.name() + "=on");
                }
            }
        }
        if (evidence.isEmpty()) {
            return List.of();
        }
        return List.of(Detection.of(id(), evidence, String.join(" ", reasons.stream().distinct().toList())));
    }

    private static void add(List<String> evidence, String line) {
        if (!evidence.contains(line)) {
            evidence.add(line);
        }
    }
}
