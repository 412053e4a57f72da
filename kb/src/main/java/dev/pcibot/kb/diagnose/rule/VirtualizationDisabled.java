package dev.pcibot.kb.diagnose.rule;

import dev.pcibot.kb.diagnose.Detection;
import dev.pcibot.kb.diagnose.Facts;
import dev.pcibot.kb.diagnose.PastePart;
import dev.pcibot.kb.diagnose.Probe;
import dev.pcibot.kb.diagnose.parse.CpuFlagsOutput;
import java.util.ArrayList;
import java.util.List;

/**
 * Fires when {@code egrep -c '(vmx|svm)' /proc/cpuinfo} prints 0, or flags lines or lscpu show no
 * vmx/svm (no CPU thread offers hardware virtualization). "kvm: disabled by bios" is a row of the message table. Text: content
 * findings/virtualization-disabled.md
 */
final class VirtualizationDisabled implements Rule {
    @Override
    public String id() {
        return "virtualization-disabled";
    }

    @Override
    public List<Detection> evaluate(Facts facts) {
        for (PastePart part : facts.parts(Probe.CPU_FLAGS)) {
            boolean off = facts.output(part).orElse(null) instanceof CpuFlagsOutput cpu
                    && cpu.virtualizationSupported().map(on -> !on).orElse(false);
            if (off) {
                List<String> evidence = new ArrayList<>();
                if (part.promptLine() != null) {
                    evidence.add(part.promptLine());
                }
                evidence.addAll(part.quotedLines().stream().limit(2).toList());
                return List.of(Detection.of(id(), evidence, "No CPU thread shows the vmx (Intel) or svm (AMD) flag."));
            }
        }
        return List.of();
    }
}
