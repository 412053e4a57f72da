package dev.pcibot.kb.diagnose.rule;

import dev.pcibot.kb.diagnose.Detection;
import dev.pcibot.kb.diagnose.Facts;
import dev.pcibot.kb.diagnose.parse.HostPci;
import java.util.ArrayList;
import java.util.List;

/**
 * Fires when a hostpci entry has {@code pcie=1} on a machine that is not q35 (no machine line means
 * i440fx). Text: content findings/pcie-on-i440fx.md
 */
final class PcieOnI440fx implements Rule {
    @Override
    public String id() {
        return "pcie-on-i440fx";
    }

    @Override
    public List<Detection> evaluate(Facts facts) {
        List<Detection> found = new ArrayList<>();
        for (QmConfigs vm : QmConfigs.of(facts)) {
            if (vm.config().machine().q35() || !vm.shows("machine")) {
                continue; // q35, or a grep that hid the machine line: nothing to say
            }
            List<String> evidence = new ArrayList<>();
            for (HostPci h : vm.config().hostPcis()) {
                if (h.pcie()) {
                    vm.line("hostpci" + h.index()).ifPresent(evidence::add);
                }
            }
            if (evidence.isEmpty()) {
                continue;
            }
            vm.line("machine").ifPresent(evidence::add);
            String machine = vm.config().machine().defaulted() ? "no machine line (i440fx)" : vm.config().machine().raw();
            found.add(Detection.of(id(), evidence, "pcie=1 needs a q35 machine; this VM has " + machine + "."));
        }
        return found.stream().limit(1).toList();
    }
}
