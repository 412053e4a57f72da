package dev.pcibot.kb.diagnose;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Cuts a paste into parts, one per command output, line by line (so it works on a stream). A
 * prompt line ({@code root@pve:~# lspci -nnk}) or a Discord code fence starts a new part; without
 * them, a line typical of another output ({@link LineSignatures}) does. Wrapped and trimmed lines
 * stay with the output under way.
 */
final class PasteSplitter {
    private static final String FENCE = "```";

    private final List<PastePart> parts = new ArrayList<>();
    private @Nullable PastePart current;

    /** The part the last line went to, or null before the first line. */
    @Nullable PastePart current() {
        return current;
    }

    /**
     * Takes one normalized line and returns the part it belongs to, or null for lines that belong to
     * none (fences, blank lines before any output, a prompt line itself).
     */
    @Nullable PastePart line(int number, String text) {
        String line = text;
        boolean closeAfter = false;
        if (line.startsWith(FENCE)) {
            close();
            line = line.substring(FENCE.length());
            if (line.isBlank() || line.matches("[A-Za-z0-9_+-]*\\s*")) {
                return null; // ```sh, ```text: a language tag, not output
            }
        }
        if (line.endsWith(FENCE)) {
            line = line.substring(0, line.length() - FENCE.length());
            closeAfter = true;
        }
        PastePart part = place(number, line);
        if (closeAfter) {
            close();
        }
        return part;
    }

    private @Nullable PastePart place(int number, String line) {
        if (line.isBlank()) {
            return null;
        }
        Optional<String> command = PromptCommands.command(line);
        if (command.isPresent()) {
            close();
            current = new PastePart(PromptCommands.probeOf(command.get()), command.get(), number);
            return null;
        }
        Probe signature = LineSignatures.kindOf(line);
        PastePart part = current;
        if (part != null && part.command() != null && LineSignatures.weak(signature, line)) {
            signature = part.kind(); // under a prompt a lone "0" is that command's output (wc -l)
        }
        if (part == null
                || (part.kind() == null && signature != null)
                || (part.kind() != null && !LineSignatures.fits(part.kind(), line, signature))) {
            close();
            part = new PastePart(signature, null, number);
            current = part;
        }
        part.extendTo(number);
        return part;
    }

    /**
     * A line already known to be a kernel log line (it has a timestamp): continues the log part
     * under way or starts one, without looking at the text.
     */
    PastePart logLine(int number) {
        PastePart part = current;
        if (part == null || part.kind() == null || !part.kind().isLog()) {
            close();
            part = new PastePart(Probe.KERNEL_LOG, null, number);
            current = part;
        }
        part.extendTo(number);
        return part;
    }

    private void close() {
        if (current != null) {
            current.settleKind();
            parts.add(current);
            current = null;
        }
    }

    /** Every part, in paste order. */
    List<PastePart> finish() {
        close();
        return List.copyOf(parts);
    }
}
