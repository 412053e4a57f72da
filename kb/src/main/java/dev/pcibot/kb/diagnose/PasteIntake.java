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
            previousPart = null;
            wrapWidth = 0;
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
        if (continuesWrappedCmdline(text)) {
            scan.continueLastFact("cmdline", PasteNormalizer.quote(raw), text);
            wrapWidth = text.length() == wrapWidth ? wrapWidth : 0; // a shorter row is the last one
            return;
        }
        wrapWidth = 0;
        PastePart before = splitter.current();
        PastePart part = splitter.line(number, text);
        if (part == null) {
            PastePart opened = splitter.current();
            if (opened != null && opened != before && opened.command() != null) {
                opened.prompt(PasteNormalizer.quote(raw));
            }
            return;
        }
        int matchesBefore = scan.matches();
        if (part.kind() != null && part.kind().isLog()) {
            if (prefilter.matches(text)) {
                logLine(part, number, raw);
            } else {
                part.countLogLine(false, false, false, false, false);
                part.keep(text, PasteNormalizer.quote(raw)); // a wrapped QEMU error is worth the parser's eyes
            }
        } else {
            part.keep(text, PasteNormalizer.quote(raw));
            if (prefilter.matches(text)) {
                // config and listing lines can carry messages too (allow_unsafe_interrupts=1 in modprobe.d)
                scan.scan(number, PasteNormalizer.quote(raw), text);
            }
        }
        joinWrapped(part, number, text, PasteNormalizer.quote(raw), scan.matches() != matchesBefore);
    }

    /** The narrowest terminal row a wrapped command line is looked for after. */
    private static final int MIN_WRAP_WIDTH = 100;

    /** The longest line that is read again joined to the next one: terminals and mail wrap near 80-200. */
    private static final int MAX_WRAPPED = 240;
    private @org.jspecify.annotations.Nullable PastePart previousPart;
    private @org.jspecify.annotations.Nullable String previousText;
    private @org.jspecify.annotations.Nullable String previousQuoted;
    private boolean previousMatched;

    /**
     * A message the terminal or the issue tracker wrapped ("... failed to setup" / "container for
     * group 13: ...", "PCI device" / "0000:00:1a.0 is in use by driver ...") matches in neither half.
     * When neither this line nor the one before it matched anything, the two are matched once more
     * as one line; a line that matched on its own is never read twice, so nothing is counted twice.
     */
    private void joinWrapped(PastePart part, int number, String text, String quoted, boolean matched) {
        if (!matched && !previousMatched && previousPart == part && previousText != null && !text.isBlank()
                && previousText.length() <= MAX_WRAPPED && text.length() <= MAX_WRAPPED) {
            String joined = previousText.stripTrailing() + " " + text.strip();
            if (prefilter.matches(joined)) {
                int before = scan.matches();
                scan.scan(number, previousQuoted + " " + quoted.strip(), KernelLogParser.message(joined));
                matched = scan.matches() != before;
            }
        }
        previousPart = text.isBlank() ? null : part;
        previousText = text;
        previousQuoted = quoted;
        previousMatched = matched;
    }

    /** The width of the kernel command line row just read when it filled a terminal row, else 0. */
    private int wrapWidth;

    /**
     * A terminal wraps a long {@code Command line:} row at its width, mid-word ("lockdown=confide" /
     * "ntiality mitigations=auto ..."): the rows after it carry no log prefix, no "subsystem: "
     * message, only parameters. They are read as the rest of that command line, so a parameter given
     * twice across the wrap is seen; a row of a log without timestamps (dmesg -t) is a message and
     * is not taken.
     */
    private boolean continuesWrappedCmdline(String text) {
        return wrapWidth > 0 && !text.isBlank() && text.length() <= wrapWidth && text.indexOf('=') >= 0
                && !text.contains(": ") && !KernelLogParser.hasLogPrefix(text);
    }

    private void logLine(PastePart part, int number, String raw) {
        String text = PasteNormalizer.normalize(raw);
        String message = KernelLogParser.message(text);
        String quoted = PasteNormalizer.quote(raw);
        part.keep(text, quoted);
        int cmdlinesBefore = scan.fact("cmdline").size();
        boolean fact = scan.scan(number, quoted, message);
        // a row of 100 or more characters may be a terminal's full row: the next row may continue it
        wrapWidth = scan.fact("cmdline").size() > cmdlinesBefore && text.length() >= MIN_WRAP_WIDTH ? text.length() : 0;
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
