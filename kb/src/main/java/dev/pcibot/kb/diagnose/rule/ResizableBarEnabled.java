package dev.pcibot.kb.diagnose.rule;

import dev.pcibot.kb.diagnose.Detection;
import dev.pcibot.kb.diagnose.Facts;
import dev.pcibot.kb.diagnose.PastePart;
import dev.pcibot.kb.diagnose.parse.LspciOutput;
import java.util.ArrayList;
import java.util.List;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * Fires when lspci -vv shows a Resizable BAR capability with a BAR grown past 256 MB (the firmware
 * enabled it; the 256 MB default means it is off). A user saying so in words is a row of the
 * message table. Text: content findings/resizable-bar-enabled.md
 */
final class ResizableBarEnabled implements Rule {
    private static final Pattern CURRENT = Pattern.compile("current size: (\\d+)(MB|GB|TB)");

    @Override
    public String id() {
        return "resizable-bar-enabled";
    }

    @Override
    public List<Detection> evaluate(Facts facts) {
        List<String> evidence = new ArrayList<>();
        for (PastePart part : facts.parts()) {
            if (!(facts.output(part).orElse(null) instanceof LspciOutput lspci)) {
                continue;
            }
            // read from the lines: the capability block may be one the parser keeps as text only
            boolean hasCapability = lspci.devices().stream().anyMatch(d -> d.resizableBar().isPresent())
                    || part.quotedLineContaining("Resizable BAR").isPresent();
            if (!hasCapability) {
                continue;
            }
            for (int i = 0; i < part.lines().size(); i++) {
                Matcher m = CURRENT.matcher(part.lines().get(i));
                if (m.find() && megabytes(m) > 256) {
                    part.quotedLineContaining("Resizable BAR").ifPresent(evidence::add);
                    evidence.add(part.quotedLines().get(i));
                }
            }
        }
        if (evidence.isEmpty()) {
            largeRegions(facts, evidence);
        }
        return evidence.isEmpty() ? List.of()
                : List.of(Detection.of(id(), evidence.stream().distinct().toList(), "A BAR is sized past 256 MB:"
                        + " Resizable BAR (Smart Access Memory) is on in the firmware."));
    }

    private static final Pattern REGION_SIZE = Pattern.compile("prefetchable\\) \\[size=(\\d+)(M|G|T)\\]");

    /**
     * Without the capability block (lspci cut before it), the BAR itself tells: a consumer GPU's
     * prefetchable BAR is 256 MB unless Resizable BAR grew it. Data-centre cards (NVIDIA Tesla,
     * Quadro) have large fixed BARs by design, so only AMD, Intel and GeForce cards are judged.
     */
    private static void largeRegions(Facts facts, List<String> evidence) {
        for (PastePart part : facts.parts()) {
            if (!(facts.output(part).orElse(null) instanceof LspciOutput lspci)) {
                continue;
            }
            for (dev.pcibot.kb.diagnose.parse.LspciDevice d : lspci.devices()) {
                String name = d.description() == null ? "" : d.description();
                boolean consumer = name.startsWith("Advanced Micro Devices") || name.startsWith("Intel")
                        || name.contains("GeForce");
                if (!d.isDisplay() || !consumer) {
                    continue;
                }
                for (String region : d.regions()) {
                    Matcher m = REGION_SIZE.matcher(region);
                    if (m.find() && regionMegabytes(m) > 256) {
                        part.quotedLineContaining(d.address().shortForm()).ifPresent(evidence::add);
                        part.quotedLineContaining(region.strip()).ifPresent(evidence::add);
                    }
                }
            }
        }
    }

    /** Digits of a size that fit a long even in terabytes as megabytes. */
    private static final int MAX_SIZE_DIGITS = 12;

    private static long regionMegabytes(Matcher m) {
        if (m.group(1).length() > MAX_SIZE_DIGITS) {
            return 0; // no BAR has that many megabytes: not a size to judge (a 20-digit one threw)
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "G" -> n * 1024;
            case "T" -> n * 1024 * 1024;
            default -> n;
        };
    }

    private static long megabytes(Matcher m) {
        if (m.group(1).length() > MAX_SIZE_DIGITS) {
            return 0; // no BAR has that many megabytes: not a size to judge (a 20-digit one threw)
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "GB" -> n * 1024;
            case "TB" -> n * 1024 * 1024;
            default -> n;
        };
    }
}
