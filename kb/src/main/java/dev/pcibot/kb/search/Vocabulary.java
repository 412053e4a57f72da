package dev.pcibot.kb.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * The prose terms of one index generation with their document frequencies, for spelling
 * correction of question words the guides never use ("seperate", "grub" stays, "iommu gruops").
 * A few thousand terms: a plain map and a scan beat an automaton at this size.
 */
final class Vocabulary {
    private final Map<String, Integer> docFreq;
    private final Map<Character, List<String>> byFirstChar = new HashMap<>();

    private Vocabulary(Map<String, Integer> docFreq) {
        this.docFreq = docFreq;
        for (String term : docFreq.keySet()) {
            byFirstChar.computeIfAbsent(term.charAt(0), c -> new ArrayList<>()).add(term);
        }
    }

    static Vocabulary of(IndexReader reader) throws IOException {
        Map<String, Integer> df = new HashMap<>();
        for (String field : List.of(KbFields.BODY, KbFields.TITLE, KbFields.PATH)) {
            Terms terms = MultiTerms.getTerms(reader, field);
            if (terms == null) {
                continue;
            }
            TermsEnum it = terms.iterator();
            for (BytesRef term = it.next(); term != null; term = it.next()) {
                df.merge(term.utf8ToString(), it.docFreq(), Math::max);
            }
        }
        return new Vocabulary(df);
    }

    boolean contains(String term) {
        return docFreq.containsKey(term);
    }

    int size() {
        return docFreq.size();
    }

    /**
     * The closest known term: same first letter, one edit for words up to 6 letters, two for
     * longer ones (transpositions count one); ties go to the more common term. Words shorter than
     * 5 letters and numbers are never corrected (too many near neighbours), nor is a word into a
     * longer or shorter form of itself.
     */
    Optional<String> correct(String term) {
        if (term.length() < 5 || contains(term) || term.chars().anyMatch(Character::isDigit)) {
            return Optional.empty();
        }
        int maxEdits = term.length() <= 6 ? 1 : 2;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        int bestFreq = -1;
        for (String candidate : byFirstChar.getOrDefault(term.charAt(0), List.of())) {
            if (Math.abs(candidate.length() - term.length()) > maxEdits || candidate.length() < 3
                    || candidate.startsWith(term) || term.startsWith(candidate)) {
                continue; // "drive" is not a typo of "driver": another word form, not a slip of the finger
            }
            int d = distance(term, candidate, maxEdits);
            int freq = docFreq.get(candidate);
            if (d <= maxEdits && (d < bestDistance || (d == bestDistance && (freq > bestFreq
                    || (freq == bestFreq && candidate.compareTo(best) < 0))))) {
                best = candidate;
                bestDistance = d;
                bestFreq = freq;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Optimal string alignment distance, giving up (returning max+1) once it exceeds {@code max}. */
    static int distance(String a, String b, int max) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > max) {
                return max + 1;
            }
        }
        return d[a.length()][b.length()];
    }
}
