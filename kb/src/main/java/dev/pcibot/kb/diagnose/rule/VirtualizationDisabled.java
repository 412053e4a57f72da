package dev.pcibot.kb.diagnose.rule;

import dev.pcibot.kb.diagnose.Detection;
import dev.pcibot.kb.diagnose.Facts;
import dev.pcibot.kb.diagnose.PastePart;
import dev.pcibot.kb.diagnose.Probe;
import java.util.ArrayList;
import java.util.List;

/**
 * Fires when {@code egrep -c '(vmx|svm)' /proc/cpuinfo} prints 0 (no CPU thread offers hardware
 * virtualization). "kvm: disabled by bios" is a row of the message table. Text: content
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
            List<String> lines = part.lines();
            boolean countsZero = lines.stream().anyMatch(l -> l.strip().equals("0"));
            boolean flagsWithout = !lines.isEmpty() && lines.stream().allMatch(l -> l.startsWith("flags"))
                    && lines.stream().noneMatch(l -> l.contains(" vmx") || l.contains(" svm"));
            if (countsZero || flagsWithout) {
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
