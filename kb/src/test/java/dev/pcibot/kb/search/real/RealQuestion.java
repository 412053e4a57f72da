package dev.pcibot.kb.search.real;

import java.util.List;

/**
 * One real question of the evaluation set.
 *
 * @param id stable row id ({@code rq-001}, ...)
 * @param split {@code dev} (tune on it) or {@code test} (report it, never tune on it)
 * @param source the public page the question was taken from
 * @param question the question as its author wrote it
 * @param answers ids of the bundled sections that answer it (any one counts); empty when no
 *     section does
 */
public record RealQuestion(String id, String split, String source, String question, List<String> answers) {

    public RealQuestion {
        answers = List.copyOf(answers);
    }

    /** Whether some bundled section answers it; the others are the "no good answer" cases. */
    public boolean answerable() {
        return !answers.isEmpty();
    }
}
