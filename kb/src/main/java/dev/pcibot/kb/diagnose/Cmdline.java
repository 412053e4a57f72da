package dev.pcibot.kb.diagnose;

import dev.pcibot.kb.diagnose.parse.CmdlineOutput;
import java.util.List;
import java.util.Optional;

/**
 * One kernel command line the paste showed (/proc/cmdline, /etc/default/grub, /etc/kernel/cmdline,
 * or the {@code Command line:} line of a kernel log), with the lines it came from as pasted.
 *
 * @param output the parsed parameters
 * @param quotedLines the lines it was read from, as pasted (for evidence)
 */
public record Cmdline(CmdlineOutput output, List<String> quotedLines) {
    public Cmdline {
        quotedLines = List.copyOf(quotedLines);
    }

    /** The pasted line holding this token (or the first line when none holds it literally). */
    public String lineWith(String token) {
        Optional<String> exact = quotedLines.stream().filter(l -> l.contains(token)).findFirst();
        return exact.orElse(quotedLines.isEmpty() ? token : quotedLines.get(0));
    }
}
