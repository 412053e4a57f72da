package dev.pcibot.bot.discord.intake;

import java.util.regex.Pattern;

/**
 * The text of a pasted Discord message as command output: code fences (and the language tag
 * right after an opening fence) are removed, everything else stays, so code blocks and the prose
 * around them both reach the diagnosis. For example
 * <pre>
 * my GPU won't pass through:
 * ```log
 * [    0.000000] DMAR: IOMMU enabled
 * ```
 * </pre>
 * becomes the first line, an empty line, and the dmesg line.
 */
public final class PastedText {
    // Discord reads a word right after ``` as the language only when a newline follows it.
    private static final Pattern FENCE = Pattern.compile("```(?:[\\w+#.-]*\\n)?");

    private PastedText() {}

    public static String of(String messageContent) {
        return FENCE.matcher(messageContent).replaceAll("\n");
    }
}
