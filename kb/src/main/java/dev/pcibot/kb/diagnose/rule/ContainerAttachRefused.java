package dev.pcibot.kb.diagnose.rule;

import dev.pcibot.kb.diagnose.Detection;
import dev.pcibot.kb.diagnose.Facts;
import dev.pcibot.kb.diagnose.MessageScan;
import java.util.List;

/**
 * QEMU's {@code failed to set iommu for container: Operation not permitted} is the kernel refusing
 * to attach the group. Two causes print it: no interrupt remapping (vfio_iommu_type1 then wants
 * {@code allow_unsafe_interrupts=1}) and an RMRR-bound device. It means unsafe-interrupts-needed
 * only when the paste shows no RMRR refusal and no interrupt remapping coming up. Text: content
 * findings/unsafe-interrupts-needed.md
 */
final class ContainerAttachRefused implements Rule {
    @Override
    public String id() {
        return "unsafe-interrupts-needed";
    }

    @Override
    public List<Detection> evaluate(Facts facts) {
        MessageScan log = facts.messages();
        List<MessageScan.Hit> refused = log.fact("container-attach-refused");
        if (refused.isEmpty() || !log.finding("rmrr-ineligible").isEmpty() || log.has("irq-remapping-on")) {
            return List.of();
        }
        return List.of(Detection.of(id(), refused.stream().map(MessageScan.Hit::line).toList(),
                "The kernel refused to attach the device's group to the VM; with no RMRR refusal in the paste,"
                        + " the usual cause is missing interrupt remapping."));
    }
}
