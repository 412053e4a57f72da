package dev.pcibot.kb.diagnose;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Finds whether a line contains any of a set of ASCII literals, in one pass over its bytes
 * (Aho-Corasick compiled to a full byte DFA). It runs on every line of a large log before any
 * regex, so a line that contains no literal costs one table lookup per byte and nothing else.
 */
final class LiteralPrefilter {
    private final int[] next; // state * 256 + byte -> state
    private final boolean[] accepting;

    private LiteralPrefilter(int[] next, boolean[] accepting) {
        this.next = next;
        this.accepting = accepting;
    }

    static LiteralPrefilter of(Collection<String> literals) {
        List<int[]> trie = new ArrayList<>();
        List<Boolean> accept = new ArrayList<>();
        trie.add(filled());
        accept.add(false);
        for (String literal : literals) {
            if (literal.isEmpty() || !literal.chars().allMatch(c -> c > 0 && c < 0x80)) {
                throw new IllegalArgumentException("prefilter literal must be non-empty ASCII: " + literal);
            }
            int s = 0;
            for (int i = 0; i < literal.length(); i++) {
                int c = literal.charAt(i);
                if (trie.get(s)[c] < 0) {
                    trie.get(s)[c] = trie.size();
                    trie.add(filled());
                    accept.add(false);
                }
                s = trie.get(s)[c];
            }
            accept.set(s, true);
        }
        int n = trie.size();
        int[] next = new int[n * 256];
        boolean[] accepting = new boolean[n];
        int[] fail = new int[n];
        for (int c = 0; c < 256; c++) {
            int t = trie.get(0)[c];
            next[c] = t < 0 ? 0 : t;
        }
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int c = 0; c < 256; c++) {
            if (trie.get(0)[c] > 0) {
                queue.add(trie.get(0)[c]);
            }
        }
        for (int i = 0; i < n; i++) {
            accepting[i] = accept.get(i);
        }
        while (!queue.isEmpty()) {
            int s = queue.poll();
            accepting[s] |= accepting[fail[s]];
            for (int c = 0; c < 256; c++) {
                int t = trie.get(s)[c];
                if (t > 0) {
                    fail[t] = next[fail[s] * 256 + c];
                    next[s * 256 + c] = t;
                    queue.add(t);
                } else {
                    next[s * 256 + c] = next[fail[s] * 256 + c];
                }
            }
        }
        return new LiteralPrefilter(next, accepting);
    }

    private static int[] filled() {
        int[] a = new int[256];
        Arrays.fill(a, -1);
        return a;
    }

    /** Whether {@code buf[off, off+len)} contains one of the literals. */
    boolean matches(byte[] buf, int off, int len) {
        int s = 0;
        int[] next = this.next;
        boolean[] accepting = this.accepting;
        for (int i = off, end = off + len; i < end; i++) {
            s = next[(s << 8) | (buf[i] & 0xFF)];
            if (accepting[s]) {
                return true;
            }
        }
        return false;
    }

    /** Whether the text contains one of the literals (non-ASCII characters match nothing). */
    boolean matches(CharSequence text) {
        int s = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            s = next[(s << 8) | (c < 0x80 ? c : 0x80)];
            if (accepting[s]) {
                return true;
            }
        }
        return false;
    }
}
