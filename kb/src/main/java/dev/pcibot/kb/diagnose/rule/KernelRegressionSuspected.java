package dev.pcibot.kb.diagnose.rule;

import dev.pcibot.kb.diagnose.Detection;
import dev.pcibot.kb.diagnose.Facts;
import dev.pcibot.kb.diagnose.MessageScan;
import java.util.List;
import com.google.re2j.Pattern;

/**
 * Fires when the user says the trouble began with an update or upgrade that names a kernel or PVE
 * version, and the paste shows a kernel or QEMU error: compare with (or pin) the previous kernel.
 * Text: content findings/kernel-regression-suspected.md
 */
final class KernelRegressionSuspected implements Rule {
    private static final Pattern VERSION = Pattern.compile("(?i)\\b(?:kernel|pve|proxmox)\\s*(?:ve\\s*)?\\(?\\d+\\.\\d+");

    @Override
    public String id() {
        return "kernel-regression-suspected";
    }

    @Override
    public List<Detection> evaluate(Facts facts) {
        MessageScan log = facts.messages();
        List<MessageScan.Hit> upgrade = log.fact("upgrade-mentioned").stream()
                .filter(h -> VERSION.matcher(h.line()).find())
                .toList();
        if (upgrade.isEmpty() || log.findingIds().stream().noneMatch(id -> !id.startsWith("kvm-msr"))) {
            return List.of();
        }
        return List.of(Detection.of(id(), upgrade.stream().map(MessageScan.Hit::line).limit(2).toList(),
                "The problem started with an update, and the paste shows a kernel or QEMU error."));
    }
}
