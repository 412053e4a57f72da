package dev.pcibot.kb.diagnose.parse;

import java.util.List;

/**
 * A kernel log (or a grep of it) as messages with their timestamp or journal prefix removed.
 *
 * @param messages one per log line, in order
 * @param unparsed lines that were not kernel messages (none so far: every non-blank line counts)
 */
public record KernelLogOutput(List<Message> messages, List<String> unparsed) implements ParsedOutput {
    public KernelLogOutput {
        messages = List.copyOf(messages);
        unparsed = List.copyOf(unparsed);
    }

    /**
     * One kernel or QEMU message.
     *
     * @param line the line exactly as pasted
     * @param text the message without its timestamp or journal prefix
     */
    public record Message(String line, String text) {}

    /** True when some message contains {@code fragment}. */
    public boolean hasMessageContaining(String fragment) {
        return messages.stream().anyMatch(m -> m.text().contains(fragment));
    }
}
