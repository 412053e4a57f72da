package dev.pcibot.kb;

import dev.pcibot.kb.diagnose.Finding;
import dev.pcibot.kb.search.SearchResult;
import java.util.List;

/**
 * The answer to a question: findings for the messages it quotes, shown first, then the guide
 * sections that match it.
 *
 * @param question the question as asked
 * @param findings what the kernel or QEMU messages quoted in the question mean (worst first, each
 *     with its citations); empty when it quotes none
 * @param search the knowledge base search for the question
 */
public record AnswerResult(String question, List<Finding> findings, SearchResult search) {
    public AnswerResult {
        findings = List.copyOf(findings);
    }

    /** Whether there is anything to show: a known message, or a search that answered. */
    public boolean answered() {
        return !findings.isEmpty() || search.answered();
    }
}
