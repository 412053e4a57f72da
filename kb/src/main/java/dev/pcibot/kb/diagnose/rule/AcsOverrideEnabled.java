package dev.pcibot.kb.diagnose.rule;

import dev.pcibot.kb.diagnose.Cmdline;
import dev.pcibot.kb.diagnose.Detection;
import dev.pcibot.kb.diagnose.Facts;
import dev.pcibot.kb.diagnose.parse.KernelParam;
import java.util.ArrayList;
import java.util.List;

/**
 * Fires when a command line sets {@code pcie_acs_override=}: groups are split by decree, so the
 * isolation they show is no longer guaranteed. Text: content findings/acs-override-enabled.md
 */
final class AcsOverrideEnabled implements Rule {
    @Override
    public String id() {
        return "acs-override-enabled";
    }

    @Override
    public List<Detection> evaluate(Facts facts) {
        List<String> evidence = new ArrayList<>();
        for (Cmdline c : facts.cmdlines()) {
            for (KernelParam p : c.output().all("pcie_acs_override")) {
                String line = c.lineWith(p.raw());
                if (!evidence.contains(line)) {
                    evidence.add(line);
                }
            }
        }
        return evidence.isEmpty() ? List.of() : List.of(Detection.of(id(), evidence, ""));
    }
}
