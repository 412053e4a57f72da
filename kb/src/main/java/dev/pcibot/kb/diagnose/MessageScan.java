package dev.pcibot.kb.diagnose;

import com.google.re2j.Matcher;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the message pattern table found in the log lines of a paste, kept small: per finding id or
 * fact, the first few matching lines and a count, however long the log.
 */
public final class MessageScan {
    /**
     * Longer messages are not matched: no kernel line comes near (printk stops at 1 KiB, a kernel
     * command line at 2 KiB on x86), and skipping them keeps a paste of long junk lines cheap even
     * when every line holds every literal.
     */
    static final int MAX_MATCHED_CHARS = 4096;
    /** Evidence lines kept per finding or fact; the count goes on. */
    static final int MAX_KEPT = 5;
    /** Facts only the IOMMU start-up prints: a log showing one is a log of the start-up. */
    static final java.util.Set<String> STARTUP_FACTS =
            java.util.Set.of("iommu-active", "dmar-table", "iommu-param-on", "iommu-disabled");

    /**
     * One matching line.
     *
     * @param line the line as pasted
     * @param lineNumber 1-based, in the paste
     * @param device the PCI address the message names, if any
     * @param group the IOMMU group it names, if any
     * @param value a fact's value ({@code fact:cmdline} gives the command line)
     * @param ask the probe that would say more
     */
    public record Hit(
            String line, int lineNumber, @Nullable String device, @Nullable String group,
            @Nullable String value, @Nullable Probe ask) {}

    private final List<MessagePattern> patterns;
    private final Map<String, List<Hit>> findings = new LinkedHashMap<>();
    private final Map<String, List<Hit>> facts = new LinkedHashMap<>();
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private int longLines;
    private int firstLongLine;
    private int matches;

    MessageScan(List<MessagePattern> patterns) {
        this.patterns = patterns;
    }

    /**
     * Runs every row on one message (prefix already removed); quoted is the line as pasted.
     * Returns whether the line showed the IOMMU's start-up state (a {@link #STARTUP_FACTS} row).
     */
    boolean scan(int lineNumber, String quoted, String message) {
        if (message.length() > MAX_MATCHED_CHARS) {
            if (longLines++ == 0) {
                firstLongLine = lineNumber;
            }
            return false;
        }
        boolean fact = false;
        for (MessagePattern p : patterns) {
            Matcher m = p.match(message);
            if (m == null) {
                continue;
            }
            counts.merge(p.target(), 1, Integer::sum);
            matches++;
            fact |= p.isFact() && STARTUP_FACTS.contains(p.name());
            List<Hit> hits = (p.isFact() ? facts : findings).computeIfAbsent(p.name(), k -> new ArrayList<>());
            if (hits.size() < MAX_KEPT) {
                hits.add(new Hit(quoted, lineNumber, p.group(m, "dev"), p.group(m, "group"), p.group(m, "value"), p.ask()));
            }
        }
        return fact;
    }

    /**
     * Appends a terminal-wrapped continuation to the last line that showed this fact: the value
     * grows by {@code more} as pasted (a wrap cuts mid-word, so nothing is inserted) and the
     * evidence keeps both lines.
     */
    void continueLastFact(String name, String quoted, String more) {
        List<Hit> hits = facts.get(name);
        if (hits == null || hits.isEmpty()) {
            return;
        }
        Hit last = hits.get(hits.size() - 1);
        if (last.value() == null) {
            return;
        }
        hits.set(hits.size() - 1, new Hit(last.line() + "\n" + quoted, last.lineNumber(), last.device(), last.group(),
                last.value() + more, last.ask()));
    }

    /** How many (row, line) matches there were so far: a caller compares it to see whether a line matched. */
    int matches() {
        return matches;
    }

    /** How many lines were too long to match. */
    int longLines() {
        return longLines;
    }

    /** The number of the first line too long to match (0 when none was). */
    int firstLongLine() {
        return firstLongLine;
    }

    /** Finding ids whose messages appeared often enough, in table order. */
    public List<String> findingIds() {
        List<String> ids = new ArrayList<>();
        for (String id : findings.keySet()) {
            if (count(id) >= minCount(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    private int minCount(String id) {
        int min = Integer.MAX_VALUE;
        for (MessagePattern p : patterns) {
            if (!p.isFact() && p.name().equals(id)) {
                min = Math.min(min, p.minCount());
            }
        }
        return min == Integer.MAX_VALUE ? 1 : min;
    }

    /** The lines that showed this finding (at most a few). */
    public List<Hit> finding(String id) {
        return Collections.unmodifiableList(findings.getOrDefault(id, List.of()));
    }

    /** The lines that showed this fact (at most a few); empty when the log did not show it. */
    public List<Hit> fact(String name) {
        return Collections.unmodifiableList(facts.getOrDefault(name, List.of()));
    }

    public boolean has(String fact) {
        return facts.containsKey(fact);
    }

    /** How many lines matched this finding id or fact name in all. */
    public int count(String name) {
        int n = counts.getOrDefault(name, 0);
        return n + counts.getOrDefault(MessagePattern.FACT_PREFIX + name, 0);
    }
}
