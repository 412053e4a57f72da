package dev.pcibot.kb.search;

/**
 * How well the best hits answer a question, decided by {@link MatchCalibration} from measured
 * signals rather than a hand-set bar.
 */
public enum MatchLevel {
    /** The hits answer the question: show them as the answer. */
    STRONG,
    /** Nothing answers it squarely, but these sections are close: show them as "closest sections". */
    CLOSEST,
    /** Nothing in the guides is near: say "no good answer", show no hits. */
    NONE;

    /** Whether hits are shown ({@code answered} in the API): true for strong and closest. */
    public boolean answered() {
        return this != NONE;
    }
}
