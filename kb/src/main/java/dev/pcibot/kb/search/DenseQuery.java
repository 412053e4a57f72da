package dev.pcibot.kb.search;

import java.util.ArrayList;
import java.util.List;

/**
 * What of a question the embedding model reads: its words, without the pasted log's noise, cut to
 * the first few dozen. A long pasted question ("I followed the guide and then ... [ 0.512] DMAR-IR:
 * ... 0000:01:00.0 ...") would otherwise drown its point in numbers the model cannot read; the
 * exact tokens (error lines, ids, parameters) stay on the lexical side, where they count most.
 */
final class DenseQuery {
    private DenseQuery() {}

    static String of(String question, int maxWords) {
        List<String> words = new ArrayList<>();
        for (String token : question.split("\\s+")) {
            if (words.size() >= maxWords) {
                break;
            }
            if (!token.isEmpty() && hasWord(token)) {
                words.add(token);
            }
        }
        return words.isEmpty() ? question : String.join(" ", words);
    }

    /** Timestamps, addresses, ids, bare numbers have no run of two letters; words do. */
    static boolean hasWord(String token) {
        for (int i = 1; i < token.length(); i++) {
            if (Character.isLetter(token.charAt(i - 1)) && Character.isLetter(token.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
