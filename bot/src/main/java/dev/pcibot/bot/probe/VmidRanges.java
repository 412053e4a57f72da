package dev.pcibot.bot.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The VM ids a grant or deny rule covers: ranges such as {@code 100-199}, single ids, or {@code *}
 * for all. Empty covers none (in a grant) or, where a rule says "any", is read by the caller.
 */
public record VmidRanges(List<long[]> ranges, boolean all) {
    public static final VmidRanges NONE = new VmidRanges(List.of(), false);
    public static final VmidRanges ALL = new VmidRanges(List.of(), true);

    /** Parses one entry ({@code 100-199}, {@code 105}, {@code *}); null when malformed. */
    static long[] parseRange(String entry) {
        String s = entry.strip();
        int dash = s.indexOf('-');
        try {
            long from = Long.parseLong(dash < 0 ? s : s.substring(0, dash).strip());
            long to = dash < 0 ? from : Long.parseLong(s.substring(dash + 1).strip());
            return from >= 100 && to >= from && to <= 999_999_999L ? new long[] {from, to} : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static VmidRanges of(List<long[]> ranges) {
        return new VmidRanges(new ArrayList<>(ranges), false);
    }

    public boolean isEmpty() {
        return !all && ranges.isEmpty();
    }

    public boolean covers(long vmid) {
        return all || ranges.stream().anyMatch(r -> vmid >= r[0] && vmid <= r[1]);
    }

    @Override
    public String toString() {
        if (all) {
            return "all VM ids";
        }
        if (ranges.isEmpty()) {
            return "no VM ids";
        }
        return "VM ids " + ranges.stream().map(r -> r[0] == r[1] ? "" + r[0] : r[0] + "-" + r[1])
                .collect(Collectors.joining(", "));
    }
}
