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
        unknownToTheKernel(facts, evidence, reasons);
        if (evidence.isEmpty()) {
            return List.of();
        }
        return List.of(Detection.of(id(), evidence, String.join(" ", reasons.stream().distinct().toList())));
    }

    // the passthrough words a user means for the kernel; BOOT_IMAGE, splash and the like are for
    // user space and always listed. pcie_acs_override is left out: a kernel without the ACS patch
    // lists it because it lacks the patch, not because it is misspelled
    private static final java.util.regex.Pattern PASSTHROUGH_WORD =
            java.util.regex.Pattern.compile("(?i)iommu|vfio|efifb|vesafb|simplefb|initcall|intremap|kvm|pcie|pci[_-]");

    /** The kernel's own list of words it did not understand on its command line. */
    private static void unknownToTheKernel(Facts facts, List<String> evidence, List<String> reasons) {
        for (dev.pcibot.kb.diagnose.MessageScan.Hit hit : facts.messages().fact("unknown-kernel-params")) {
            if (hit.value() == null) {
                continue;
            }
            for (String word : hit.value().trim().split("\\s+")) {
                String name = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
                if (name.isEmpty() || name.equals("BOOT_IMAGE") || name.startsWith("pcie_acs_override")
                        || !PASSTHROUGH_WORD.matcher(name).find()) {
                    continue;
                }
                add(evidence, hit.line());
                reasons.add(word + ": the kernel says it does not know this parameter (it was passed on to user space"
                        + " and did nothing); check its spelling");
            }
        }
    }

    private static void add(List<String> evidence, String line) {
        if (!evidence.contains(line)) {
            evidence.add(line);
        }
    }
}
