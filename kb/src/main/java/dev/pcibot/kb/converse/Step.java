package dev.pcibot.kb.converse;

import dev.pcibot.kb.diagnose.Diagnosis;
import dev.pcibot.kb.diagnose.Finding;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What to show the user now.
 *
 * @param number the step's number; the answer to it must name it (two fast clicks never advance two
 *     steps)
 * @param status asking, blocked on a fix, or done
 * @param diagnosis the diagnosis of everything pasted in this round, or null before the first paste:
 *     the device picture, host facts and what was not checked
 * @param findings the diagnosis' findings, worst first, their fixes narrowed to the user's boot loader
 *     when it is known
 * @param ask the question, or null when done
 * @param gaps the commands the user said they could not run
 * @param notices what the user should know about their last answer (output that did not look like
 *     what was asked)
 * @param bootLoader {@code grub}, {@code systemd-boot}, or null while unknown
 */
public record Step(
        int number,
        Status status,
        @Nullable Diagnosis diagnosis,
        List<Finding> findings,
        @Nullable Ask ask,
        List<String> gaps,
        List<String> notices,
        @Nullable String bootLoader) {

    /** Where the walk stands. */
    public enum Status {
        /** A check is open: the step asks for it. */
        ASKING,
        /** A blocker was found: fix it, then paste the asked output again to verify. */
        BLOCKED,
        /** Every check the user could run is decided: the findings are the summary. */
        DONE
    }

    public Step {
        findings = List.copyOf(findings);
        gaps = List.copyOf(gaps);
        notices = List.copyOf(notices);
    }

    /** What the diagnosis could not check, plus the commands the user could not run. */
    public List<String> notChecked() {
        return diagnosis == null ? List.of() : diagnosis.notChecked();
    }
}
