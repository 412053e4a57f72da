package dev.pcibot.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Fences command lines that stand bare in Markdown (the wiki clip and the PDF conversion lost
 * their code blocks), so they reach the HTML path as code: {@code # update-initramfs -u -k all}
 * would otherwise become a level-1 heading, and {@code echo ... >> blacklist.conf} plain prose.
 */
final class BareCommands {

    private BareCommands() {}

    static List<String> fence(List<String> lines) {
        List<MarkdownFences.Run> runs = new ArrayList<>();
        for (MarkdownFences.Run run : MarkdownFences.split(lines)) {
            if (run.fenced()) {
                runs.add(run);
                continue;
            }
            List<String> plain = new ArrayList<>();
            List<String> code = new ArrayList<>();
            for (String line : run.lines()) {
                boolean continued = !code.isEmpty() && code.get(code.size() - 1).endsWith("\\");
                if (continued || isBareCommand(line)) {
                    code.add(line.strip());
                    continue;
                }
                if (!code.isEmpty()) {
                    flush(runs, plain, code);
                }
                plain.add(line);
            }
            flush(runs, plain, code);
        }
        return MarkdownFences.join(runs);
    }

    private static boolean isBareCommand(String line) {
        // Indented or list lines stay what Markdown makes of them.
        return !line.isEmpty() && !Character.isWhitespace(line.charAt(0)) && !line.startsWith("- ")
                && CommandLines.command(line).isPresent();
    }

    private static void flush(List<MarkdownFences.Run> runs, List<String> plain, List<String> code) {
        if (!plain.isEmpty()) {
            runs.add(new MarkdownFences.Run(false, "", List.copyOf(plain)));
            plain.clear();
        }
        if (!code.isEmpty()) {
            runs.add(new MarkdownFences.Run(true, "", List.copyOf(code)));
            code.clear();
        }
    }
}
