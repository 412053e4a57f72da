package dev.pcibot.kb.converse;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything a user gave one troubleshooting conversation: how it was started and the answers since,
 * oldest first. A value: answering returns a new conversation, so a stored copy is never half-changed.
 *
 * @param start what the user said when starting it (any field may be empty)
 * @param answers what the user answered, oldest first
 */
public record Conversation(Start start, List<Answer> answers) {

    /**
     * How the conversation was started ({@code /troubleshoot device: vmid: symptom:}).
     *
     * @param device what is passed through, as the user put it ("RX 580", "01:00.0"), or null
     * @param vmid the VM's id, or null
     * @param symptom a {@link Choice#SYMPTOM} value, or null
     */
    public record Start(@Nullable String device, @Nullable String vmid, @Nullable String symptom) {
        public static final Start NONE = new Start(null, null, null);

        public Start {
            device = blankToNull(device);
            vmid = blankToNull(vmid);
            symptom = blankToNull(symptom);
            if (vmid != null && !vmid.matches("\\d{3,9}")) {
                throw new IllegalArgumentException("A VM id is a number of 3 to 9 digits (e.g. 100), not '" + vmid + "'.");
            }
            if (symptom != null && !Choice.SYMPTOM.accepts(symptom)) {
                throw new IllegalArgumentException("The symptom is one of " + Choice.SYMPTOM.optionValues() + ", not '"
                        + symptom + "'.");
            }
        }

        private static @Nullable String blankToNull(@Nullable String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }
    }

    public Conversation {
        answers = List.copyOf(answers);
    }

    /** A conversation with nothing answered yet. */
    public static Conversation start(Start start) {
        return new Conversation(start, List.of());
    }

    /** This conversation with one more answer. */
    public Conversation with(Answer answer) {
        List<Answer> more = new ArrayList<>(answers);
        more.add(answer);
        return new Conversation(start, more);
    }

    /** This conversation without its last answer ("Back"); unchanged when nothing was answered. */
    public Conversation withoutLast() {
        return answers.isEmpty() ? this : new Conversation(start, answers.subList(0, answers.size() - 1));
    }

    /** The number of the step now shown: an answer must name it, so a stale click is noticed. */
    public int stepNumber() {
        return answers.size() + 1;
    }
}
