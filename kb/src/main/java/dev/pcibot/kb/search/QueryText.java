package dev.pcibot.kb.search;

import java.text.Normalizer;
import org.jspecify.annotations.Nullable;

/**
 * A question as the search understands it: compatibility forms folded (NFKC), control characters
 * removed, white space collapsed, checked for length and content. Building one is the only place a query is refused, always with
 * a message fit to show the user.
 *
 * @param text the cleaned question
 */
record QueryText(String text) {
    /**
     * Longer than this is a pasted log, not a question: those belong to /diagnose. Real questions
     * quote their error lines and hardware and run to several hundred characters (6 % of the real
     * question set was over the former 500); Discord's /ask takes 1,000 too.
     */
    static final int MAX_LENGTH = 1_000;
    /**
     * The raw text is refused past this, before anything reads it: the 1,000 are counted after white
     * space collapses, and a 60 KB question of spaces once spent 6 s in the message table.
     */
    public static final int MAX_RAW_LENGTH = 2_000;

    static QueryText of(@Nullable String raw) {
        if (raw == null) {
            throw new InvalidQueryException("Type a question or a few words to search for.");
        }
        if (raw.length() > MAX_RAW_LENGTH) {
            throw new InvalidQueryException("The query is too long (" + raw.length() + " characters, at most "
                    + MAX_LENGTH + ", or " + MAX_RAW_LENGTH + " counting spaces). Ask a shorter question; to have a log explained, paste it to"
                    + " the diagnose command instead.");
        }
        // NFKC folds fullwidth and other compatibility forms to the letters the index holds:
        // "ｉｎｔｅｌ＿ｉｏｍｍｕ＝ｏｎ" (typed with an East Asian input method) is intel_iommu=on
        raw = Normalizer.normalize(raw, Normalizer.Form.NFKC);
        StringBuilder cleaned = new StringBuilder(Math.min(raw.length(), MAX_LENGTH + 64));
        boolean space = false;
        for (int i = 0; i < raw.length(); ) {
            int cp = raw.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                space = true;
            } else if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
                // dropped: terminal escapes, zero-width characters pasted from chat clients
            } else {
                if (space && !cleaned.isEmpty()) {
                    cleaned.append(' ');
                }
                space = false;
                cleaned.appendCodePoint(cp);
            }
            if (cleaned.length() > MAX_LENGTH) {
                break; // no need to clean a 20,000-character paste to refuse it
            }
        }
        String text = cleaned.toString();
        if (text.isEmpty()) {
            throw new InvalidQueryException("The query is empty: type a question or a few words to search for.");
        }
        if (text.length() > MAX_LENGTH) {
            throw new InvalidQueryException("The query is too long (" + raw.strip().length()
                    + " characters, at most " + MAX_LENGTH + "). Ask a shorter question; to have a log"
                    + " explained, paste it to the diagnose command instead.");
        }
        if (text.codePoints().noneMatch(Character::isLetterOrDigit)) {
            throw new InvalidQueryException("The query has no words or numbers to search for: \"" + text + "\".");
        }
        return new QueryText(text);
    }
}
