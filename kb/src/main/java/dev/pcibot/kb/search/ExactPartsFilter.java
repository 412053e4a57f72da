package dev.pcibot.kb.search;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * After a compound technical token, also emits its parts at the same position, so that a question
 * naming one part finds the compound: {@code /sys/bus/pci/devices/0000:01:00.0/} also yields
 * {@code 0000:01:00.0}; {@code ids=1234:5678,4321:8765} also yields {@code ids}, {@code 1234:5678}
 * and {@code 4321:8765}; {@code 02:00,pcie=on,x-vga=on} also yields {@code x-vga=on} and then
 * {@code x-vga}. Parts are split at {@code /} and {@code ,}, then at {@code =}; each is at least
 * two characters and emitted once.
 * Used for indexing the exact field only: a question's own compound stays whole.
 */
final class ExactPartsFilter extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
    private final Deque<Part> pending = new ArrayDeque<>();

    private record Part(String text, int start, int end) {}

    ExactPartsFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!pending.isEmpty()) {
            Part p = pending.removeFirst();
            term.setEmpty().append(p.text());
            offset.setOffset(p.start(), p.end());
            posInc.setPositionIncrement(0);
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        String whole = term.toString();
        int base = offset.startOffset();
        // offsets of the parts are exact only when the token was not shortened by trimming
        boolean exactOffsets = offset.endOffset() - base == whole.length();
        Set<String> seen = new HashSet<>(List.of(whole));
        List<int[]> outers = split(whole, 0, whole.length(), "/,");
        for (int[] outer : outers.isEmpty() ? List.of(new int[] {0, whole.length()}) : outers) {
            add(whole, outer[0], outer[1], base, exactOffsets, seen);
            for (int[] inner : split(whole, outer[0], outer[1], "=")) {
                add(whole, inner[0], inner[1], base, exactOffsets, seen);
            }
        }
        return true;
    }

    /** [start, end) of the pieces of whole[from, to) between separator characters. */
    private static List<int[]> split(String whole, int from, int to, String separators) {
        List<int[]> out = new ArrayList<>();
        int start = from;
        for (int i = from; i <= to; i++) {
            if (i == to || separators.indexOf(whole.charAt(i)) >= 0) {
                if (i > start) {
                    out.add(new int[] {start, i});
                }
                start = i + 1;
            }
        }
        return out.size() == 1 && out.get(0)[0] == from && out.get(0)[1] == to ? List.of() : out;
    }

    private void add(String whole, int start, int end, int base, boolean exactOffsets, Set<String> seen) {
        // a part keeps its own inner punctuation (0000:01:00.0) but not what ends a sentence
        while (start < end && ":.;".indexOf(whole.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && ":.;".indexOf(whole.charAt(end - 1)) >= 0) {
            end--;
        }
        String part = whole.substring(start, end);
        if (part.length() >= 2 && seen.add(part)) {
            pending.addLast(exactOffsets
                    ? new Part(part, base + start, base + end)
                    : new Part(part, base, offset.endOffset()));
        }
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending.clear();
    }
}
