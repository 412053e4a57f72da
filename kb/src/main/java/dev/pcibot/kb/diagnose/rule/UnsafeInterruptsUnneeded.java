package dev.pcibot.kb.diagnose.rule;

import dev.pcibot.kb.diagnose.Detection;
import dev.pcibot.kb.diagnose.Facts;
import dev.pcibot.kb.diagnose.MessageScan;
import java.util.List;
import java.util.stream.Stream;

/**
 * Fires when {@code allow_unsafe_interrupts=1} is set (modprobe.d or the kernel command line)
 * although the kernel enabled interrupt remapping: a needless security downgrade. Text: content
 * findings/unsafe-interrupts-unneeded.md
 */
final class UnsafeInterruptsUnneeded implements Rule {
    @Override
    public String id() {
        return "unsafe-interrupts-unneeded";
    }

    @Override
    public List<Detection> evaluate(Facts facts) {
        MessageScan log = facts.messages();
        if (!log.has("unsafe-interrupts-param") || !log.has("irq-remapping-on")) {
            return List.of();
        }
        List<String> evidence = Stream.concat(
                        log.fact("unsafe-interrupts-param").stream().limit(2),
                        log.fact("irq-remapping-on").stream().limit(1))
                .map(MessageScan.Hit::line)
                .toList();
        return List.of(Detection.of(id(), evidence,
                "allow_unsafe_interrupts=1 is set, but the kernel enabled interrupt remapping, so it is not needed."));
    }
}
