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
    // the same automaton over byte classes (bytes no literal uses share one class): a table a tenth
    // the size, which stays in cache while a large log streams through
    private final byte[] classOf;
    private final int[] compact; // state * classes + class -> state * classes of the next state, negative = accepting

    private LiteralPrefilter(int[] next, boolean[] accepting) {
        this.next = next;
        this.accepting = accepting;
        this.classOf = new byte[256];
        int n = 1; // class 0: bytes no literal contains
        boolean[] used = new boolean[256];
        for (int s = 0; s < accepting.length; s++) {
            for (int c = 0; c < 256; c++) {
                if (next[s * 256 + c] != 0) {
                    used[c] = true;
                }
            }
        }
        for (int c = 0; c < 256; c++) {
            if (used[c]) {
                classOf[c] = (byte) n++;
            }
        }
        int states = accepting.length;
        this.compact = new int[states * n];
        for (int s = 0; s < states; s++) {
            for (int c = 0; c < 256; c++) {
                int t = next[s * 256 + c];
                int encoded = accepting[t] ? -1 - t * n : t * n;
                compact[s * n + classOf[c]] = encoded;
            }
        }
    }


    /** The byte to class map, for scanners that inline the automaton in their own byte loop. */
    byte[] classOf() {
        return classOf;
    }

    /**
     * The class-compressed transitions: {@code table[state + classOf[b]]} is the next state
     * (pre-multiplied by the class count), or {@code -1 - next} when the next state ends a literal.
     * The start state is 0.
     */
    int[] table() {
        return compact;
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
        byte[] cls = classOf;
        int[] table = compact;
        for (int i = off, end = off + len; i < end; i++) {
            s = table[s + cls[buf[i] & 0xFF]];
            if (s < 0) {
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
