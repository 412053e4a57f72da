package dev.pcibot.kb.diagnose.rule;

import dev.pcibot.kb.diagnose.Detection;
import dev.pcibot.kb.diagnose.Facts;
import dev.pcibot.kb.diagnose.PastePart;
import dev.pcibot.kb.diagnose.Probe;
import dev.pcibot.kb.diagnose.parse.HostPci;
import dev.pcibot.kb.diagnose.parse.ModulesOutput;
import dev.pcibot.kb.diagnose.parse.QmConfigOutput;
import java.util.ArrayList;
import java.util.List;

/**
 * Fires when {@code lsmod} output lacks vfio, vfio_pci or vfio_iommu_type1 (vfio_virqfd is part of
 * vfio itself since kernel 6.2, so its absence is fine). Text: content findings/vfio-modules-missing.md
 */
final class VfioModulesMissing implements Rule {
    private static final List<String> NEEDED = List.of("vfio", "vfio_pci", "vfio_iommu_type1");

    @Override
    public String id() {
        return "vfio-modules-missing";
    }

    @Override
    public List<Detection> evaluate(Facts facts) {
        for (PastePart part : facts.parts(Probe.VFIO_MODULES)) {
            if (!(facts.output(part).orElse(null) instanceof ModulesOutput modules) || !looksLikeLsmod(part, modules)) {
                continue;
            }
            List<String> missing = NEEDED.stream()
                    .filter(m -> !(m.equals("vfio_pci") && onlyMediated(facts)))
                    .filter(m -> !modules.isLoaded(m))
                    .toList();
            if (missing.isEmpty()) {
                continue;
            }
            List<String> evidence = new ArrayList<>();
            if (part.promptLine() != null) {
                evidence.add(part.promptLine());
            }
            evidence.addAll(part.quotedLines().stream().filter(l -> !l.isBlank()).limit(6).toList());
            return List.of(Detection.of(id(), evidence, "Not loaded: " + String.join(", ", missing) + "."));
        }
        return List.of();
    }

    /** Mediated devices (GVT-g, vGPU) go through vfio and vfio_iommu_type1 but not vfio_pci. */
    private static boolean onlyMediated(Facts facts) {
        List<HostPci> all = facts.outputs(QmConfigOutput.class).stream().flatMap(q -> q.hostPcis().stream()).toList();
        return !all.isEmpty() && all.stream().allMatch(h -> h.mdev().isPresent());
    }

    /** lsmod output, or an lsmod grep that printed nothing; not a grep for some other module. */
    private static boolean looksLikeLsmod(PastePart part, ModulesOutput modules) {
        String command = part.command();
        if (command != null && command.contains("grep") && !command.contains("vfio")) {
            return false;
        }
        return command != null || !modules.loaded().isEmpty();
    }
}
