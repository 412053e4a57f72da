package dev.pcibot.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Undoes the {@code ←} line-continuation marks of the PDF-converted admin guide, so a wrapped
 * command is one command again:
 *
 * <pre>
 * echo "options vfio-pci ids=..." &gt; /etc/ ←modprobe.d/vfio.conf   -&gt;  ... &gt; /etc/modprobe.d/vfio.conf
 * </pre>
 *
 * A mark at the end of a line joins the next line on; a line holding only a mark (the converter
 * leaves {@code ←-} behind) is dropped.
 */
final class ContinuationJoiner {

    private static final Pattern INNER_MARK = Pattern.compile("\\s*←\\s*(?=\\S)");
    private static final Pattern LONE_MARK = Pattern.compile("^\\s*←\\S?\\s*$");

    private ContinuationJoiner() {}

    static String join(String text) {
        List<String> out = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (LONE_MARK.matcher(line).matches()) {
                continue;
            }
            while (line.stripTrailing().endsWith("←") && i + 1 < lines.size()) {
                String head = line.stripTrailing();
                line = head.substring(0, head.length() - 1).stripTrailing() + lines.get(++i).strip();
            }
            out.add(INNER_MARK.matcher(line).replaceAll(""));
        }
        return String.join("\n", out);
    }
}
