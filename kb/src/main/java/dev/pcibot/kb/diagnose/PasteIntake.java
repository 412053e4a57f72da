package dev.pcibot.kb.diagnose;

import dev.pcibot.kb.diagnose.parse.KernelLogParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Takes a paste line by line: splits it into parts, runs the message pattern table over log lines
 * and keeps the lines each part's parser will need. Timestamped kernel lines take a fast path that
 * never decodes a line unless the literal prefilter matched it, which is what makes a log of tens
 * of megabytes cheap.
 */
final class PasteIntake implements PasteReader.LineHandler {
    /** Literals that classify log lines besides the pattern table's own. */
    static final List<String> CLASSIFYING_LITERALS =
            List.of("DMAR", "IOMMU", "AMD-Vi", "remapping", "Remapping", "[    0.000000]");

    private final LiteralPrefilter prefilter;
    private final MessageScan scan;
    private final DiagnosisBudget budget;
    private final PasteSplitter splitter = new PasteSplitter();
    private int nonBlankLines;
    private int invalidUtf8Lines;

    PasteIntake(LiteralPrefilter prefilter, MessageScan scan, DiagnosisBudget budget) {
        this.prefilter = prefilter;
        this.scan = scan;
        this.budget = budget;
    }

    static LiteralPrefilter prefilterFor(List<MessagePattern> patterns) {
        List<String> literals = new ArrayList<>(CLASSIFYING_LITERALS);
        patterns.forEach(p -> literals.add(p.literal()));
        return LiteralPrefilter.of(literals);
    }

    @Override
    public void line(int number, byte[] buf, int off, int len, boolean hit) {
        budget.tick();
        if (KernelLogParser.hasBracketPrefix(buf, off, len) || KernelLogParser.hasJournalKernelPrefix(buf, off, len)) {
            nonBlankLines++;
            PastePart part = splitter.logLine(number);
            if (hit) {
                logLine(part, number, decode(buf, off, len));
            } else {
                part.countLogLine(false, false, false, false, false);
            }
            return;
        }
        String raw = decode(buf, off, len);
        String text = PasteNormalizer.normalize(raw);
        if (!text.isBlank()) {
            nonBlankLines++;
        }
        PastePart before = splitter.current();
        PastePart part = splitter.line(number, text);
        if (part == null) {
            PastePart opened = splitter.current();
            if (opened != null && opened != before && opened.command() != null) {
                opened.prompt(PasteNormalizer.quote(raw));
            }
            return;
        }
        if (part.kind() != null && part.kind().isLog()) {
            if (prefilter.matches(text)) {
                logLine(part, number, raw);
            } else {
                part.countLogLine(false, false, false, false, false);
                part.keep(text, PasteNormalizer.quote(raw)); // a wrapped QEMU error is worth the parser's eyes
            }
            return;
        }
        part.keep(text, PasteNormalizer.quote(raw));
        if (prefilter.matches(text)) {
            // config and listing lines can carry messages too (allow_unsafe_interrupts=1 in modprobe.d)
            scan.scan(number, PasteNormalizer.quote(raw), text);
        }
    }

    private void logLine(PastePart part, int number, String raw) {
        String text = PasteNormalizer.normalize(raw);
        String message = KernelLogParser.message(text);
        String quoted = PasteNormalizer.quote(raw);
        part.keep(text, quoted);
        boolean fact = scan.scan(number, quoted, message);
        boolean iommuWords = message.contains("DMAR") || message.contains("IOMMU") || message.contains("AMD-Vi");
        boolean remapping = message.toLowerCase(Locale.ROOT).contains("remapping");
        boolean boot = text.startsWith("[    0.000000]") || message.startsWith("Linux version")
                || message.startsWith("Command line:");
        part.countLogLine(iommuWords, remapping, boot, fact, message.contains("DMAR"),
                RemappingPoint.passed(text, message));
    }

    private String decode(byte[] buf, int off, int len) {
        for (int i = off, end = off + len; i < end; i++) {
            if (buf[i] < 0) {
                String s = new String(buf, off, len, StandardCharsets.UTF_8);
                if (s.indexOf('\uFFFD') >= 0 && !containsReplacementBytes(buf, off, len)) {
                    invalidUtf8Lines++;
                }
                return s;
            }
        }
        return new String(buf, off, len, StandardCharsets.ISO_8859_1); // pure ASCII: fastest decode
    }

    private static boolean containsReplacementBytes(byte[] buf, int off, int len) {
        for (int i = off; i + 2 < off + len; i++) {
            if (buf[i] == (byte) 0xEF && buf[i + 1] == (byte) 0xBF && buf[i + 2] == (byte) 0xBD) {
                return true;
            }
        }
        return false;
    }

    List<PastePart> finish() {
        return splitter.finish();
    }

    int nonBlankLines() {
        return nonBlankLines;
    }

    int invalidUtf8Lines() {
        return invalidUtf8Lines;
    }
}
