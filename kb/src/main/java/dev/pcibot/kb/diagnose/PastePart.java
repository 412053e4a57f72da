package dev.pcibot.kb.diagnose;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One part of a paste: the output of one command, with what it was taken for. Built line by line
 * by {@link PasteSplitter}; keeps at most {@link #MAX_LINES} lines (log parts keep only the lines
 * the prefilter let through), so a huge paste costs bounded memory.
 */
public final class PastePart {
    static final int MAX_LINES = 20_000;

    private @Nullable Probe kind;
    private final @Nullable String command;
    private final int firstLine;
    private int lastLine;
    private final List<String> lines = new ArrayList<>();
    private final List<String> quoted = new ArrayList<>();
    private @Nullable String promptLine;
    private int droppedLines;
    private int logLines;
    private int iommuWordLines;
    private int remappingLines;
    private boolean bootVisible;
    private boolean iommuStateSeen;
    private boolean pastRemappingReport;
    private int dmarLines;

    PastePart(@Nullable Probe kind, @Nullable String command, int firstLine) {
        this.kind = kind;
        this.command = command;
        this.firstLine = firstLine;
        this.lastLine = firstLine;
    }

    /** The probe whose output this is, or null when not recognised. */
    public @Nullable Probe kind() {
        return kind;
    }

    /** The command typed at the prompt before it, if the paste showed one. */
    public @Nullable String command() {
        return command;
    }

    public int firstLine() {
        return firstLine;
    }

    public int lastLine() {
        return lastLine;
    }

    /** The kept lines, normalized (what the parser reads). */
    public List<String> lines() {
        return Collections.unmodifiableList(lines);
    }

    /** The kept lines as pasted, index for index with {@link #lines()} (what evidence quotes). */
    public List<String> quotedLines() {
        return Collections.unmodifiableList(quoted);
    }

    /** The prompt line that introduced the part, as pasted, if there was one. */
    public @Nullable String promptLine() {
        return promptLine;
    }

    /**
     * The first kept line, as pasted, whose normalized text contains one of the fragments; for
     * quoting the line a parsed fact came from.
     */
    public java.util.Optional<String> quotedLineContaining(String... fragments) {
        for (String fragment : fragments) {
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(fragment)) {
                    return java.util.Optional.of(quoted.get(i));
                }
            }
        }
        return java.util.Optional.empty();
    }

    /** The argument of the command ({@code qm config 100} gives 100), if any. */
    public @Nullable String argument() {
        return command == null ? null : PromptCommands.argument(command);
    }

    /**
     * Whether this log shows everything the kernel said about the IOMMU since boot, so that a
     * missing line means the kernel did not print it (and not that a grep or a wrapped ring buffer
     * dropped it).
     */
    public boolean showsIommuStartup() {
        if (kind == Probe.KERNEL_IOMMU) {
            // a grep cut with tail/head, or one showing only runtime faults (a long uptime wrapped
            // the ring buffer), is no picture of the start-up; an empty grep output is
            return !cut() && (iommuStateSeen || logLines == 0);
        }
        if (kind != Probe.KERNEL_LOG) {
            return false;
        }
        return command != null ? PromptCommands.printsWholeLog(command) && bootVisible
                : bootVisible && logLines >= MIN_UNFILTERED_BOOT_LINES;
    }

    /**
     * The fewest lines a prompt-less log that shows the boot must have to be taken for the whole
     * log: the kernel prints some hundred lines (e820 map, ACPI tables) before the IOMMU comes up, so
     * a shorter excerpt that starts at 0.000000 is a grep for something else ({@code dmesg | grep
     * i915} keeps the command line) or a cut, and a start-up line missing from it means nothing.
     */
    static final int MIN_UNFILTERED_BOOT_LINES = 50;

    /**
     * Whether this log shows the interrupt remapping lines, had the kernel printed them. The wiki's
     * {@code grep -e DMAR -e IOMMU} shows Intel's DMAR-IR lines but not AMD's "AMD-Vi: Interrupt
     * remapping enabled", so on AMD only a grep naming AMD-Vi or remapping can tell.
     */
    public boolean showsRemappingStartup() {
        if (kind == Probe.IRQ_REMAPPING) {
            return !cut();
        }
        if (kind == Probe.KERNEL_IOMMU) {
            String c = command == null ? "" : command.toLowerCase(java.util.Locale.ROOT);
            return showsIommuStartup() && pastRemappingReport
                    && (dmarLines > 0 || c.contains("amd-vi") || c.contains("remapping"));
        }
        return showsIommuStartup() && pastRemappingReport;
    }

    private boolean cut() {
        return command != null && (command.contains("tail") || command.contains("head"));
    }

    void extendTo(int lineNumber) {
        lastLine = lineNumber;
    }

    void prompt(String quotedPrompt) {
        promptLine = quotedPrompt;
    }

    void keep(String line, String quotedLine) {
        if (lines.size() < MAX_LINES) {
            lines.add(line);
            quoted.add(quotedLine);
        } else {
            droppedLines++;
        }
    }

    int droppedLines() {
        return droppedLines;
    }

    /** Counts a log line for {@link #settleKind}; the words are those of the kernel-iommu grep. */
    void countLogLine(boolean iommuWords, boolean remapping, boolean bootStart, boolean iommuState, boolean dmar) {
        countLogLine(iommuWords, remapping, bootStart, iommuState, dmar, false);
    }

    /**
     * Counts a log line; {@code pastRemapping} says the kernel prints it after it has reported
     * interrupt remapping ({@link RemappingPoint}), so a log that has it is not cut before the report.
     */
    void countLogLine(boolean iommuWords, boolean remapping, boolean bootStart, boolean iommuState, boolean dmar,
            boolean pastRemapping) {
        pastRemappingReport |= pastRemapping;
        logLines++;
        if (dmar) {
            dmarLines++;
        }
        iommuStateSeen |= iommuState;
        if (iommuWords) {
            iommuWordLines++;
        }
        if (remapping) {
            remappingLines++;
        }
        bootVisible |= bootStart;
    }

    /**
     * Settles what a log part without a prompt was: every line naming DMAR/IOMMU/AMD-Vi looks like
     * the kernel-iommu grep; every line saying remapping looks like the irq-remapping grep. Fault
     * lines name DMAR too, so only a log that shows a start-up line is taken for that grep.
     */
    void settleKind() {
        if (command != null || kind != Probe.KERNEL_LOG || logLines == 0) {
            return;
        }
        if (remappingLines == logLines) {
            kind = Probe.IRQ_REMAPPING;
        } else if (iommuWordLines == logLines && !bootVisible && iommuStateSeen) {
            kind = Probe.KERNEL_IOMMU;
        }
    }
}
