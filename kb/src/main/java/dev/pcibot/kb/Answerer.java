package dev.pcibot.kb;

import dev.pcibot.kb.diagnose.Diagnoser;
import dev.pcibot.kb.diagnose.Finding;
import dev.pcibot.kb.search.KbSearcher;
import dev.pcibot.kb.search.SearchResult;
import java.util.List;
import java.util.Objects;

/**
 * Answers a question from the guides, and puts first what a quoted kernel or QEMU message means:
 * "why does it say group 13 is not viable" gets the group-not-viable finding (with its cited
 * section) above the search hits. Thread-safe.
 */
public final class Answerer {
    private final KbSearcher searcher;
    private final Diagnoser diagnoser;

    public Answerer(KbSearcher searcher, Diagnoser diagnoser) {
        this.searcher = Objects.requireNonNull(searcher);
        this.diagnoser = Objects.requireNonNull(diagnoser);
    }

    /**
     * The answer to {@code question}.
     *
     * @param limit most search hits wanted (clamped by the searcher)
     * @throws dev.pcibot.kb.search.InvalidQueryException when the question cannot be searched
     *     (empty, too long, no letters or digits); the message is fit for the user
     */
    public AnswerResult answer(String question, int limit) {
        // NOTE: the search goes first because it refuses an over-long question (raw length included)
        // before the message table reads it
        SearchResult search = searcher.search(question, limit);
        List<Finding> findings = diagnoser.explainMessages(question);
        return new AnswerResult(question, findings, search);
    }
}
