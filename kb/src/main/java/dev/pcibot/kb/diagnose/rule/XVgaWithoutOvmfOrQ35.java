package dev.pcibot.kb.diagnose.rule;

import dev.pcibot.kb.diagnose.Detection;
import dev.pcibot.kb.diagnose.Facts;
import dev.pcibot.kb.diagnose.parse.HostPci;
import java.util.ArrayList;
import java.util.List;

/**
 * Fires when a hostpci entry is the primary GPU ({@code x-vga=1}) on a VM without q35 or without
 * OVMF (UEFI), the set-up the guide gives for a primary GPU. Text: content
 * findings/x-vga-without-ovmf-or-q35.md
 */
final class XVgaWithoutOvmfOrQ35 implements Rule {
    @Override
    public String id() {
        return "x-vga-without-ovmf-or-q35";
    }

    @Override
    public List<Detection> evaluate(Facts facts) {
        for (QmConfigs vm : QmConfigs.of(facts)) {
            boolean q35 = vm.config().machine().q35();
            boolean ovmf = vm.config().ovmf();
            if ((q35 || !vm.shows("machine")) && (ovmf || !vm.shows("bios"))) {
                continue; // what the paste shows is right, the rest it hides
            }
            List<String> evidence = new ArrayList<>();
            for (HostPci h : vm.config().hostPcis()) {
                if (h.xVga()) {
                    vm.line("hostpci" + h.index()).ifPresent(evidence::add);
                }
            }
            if (evidence.isEmpty()) {
                continue;
            }
            vm.line("machine").ifPresent(evidence::add);
            vm.line("bios").ifPresent(evidence::add);
            List<String> lacks = new ArrayList<>();
            if (!q35 && vm.shows("machine")) {
                lacks.add("a q35 machine");
            }
            if (!ovmf && vm.shows("bios")) {
                lacks.add("OVMF (bios: ovmf)");
            }
            return List.of(Detection.of(id(), evidence, "x-vga=1 is set, but the VM lacks " + String.join(" and ", lacks) + "."));
        }
        return List.of();
    }
}
