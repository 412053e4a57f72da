package dev.pcibot.kb.converse;

import java.util.Objects;

/** One thing the user gave the conversation, in the order given. */
public sealed interface Answer {

    /**
     * Output the user pasted (or a probe printed).
     *
     * @param probe the catalogue id of the probe it answers, or empty for a free paste (the paste
     *     that started the conversation, say)
     * @param text the output as pasted
     * @param afterFix whether it was pasted after applying a fix: the host has changed, so output
     *     pasted before it no longer describes the host and is set aside
     */
    record Pasted(String probe, String text, boolean afterFix) implements Answer {
        public Pasted {
            Objects.requireNonNull(probe);
            Objects.requireNonNull(text);
        }
    }

    /** A pick from a {@link Choice} (the symptom, the boot loader). */
    record Chose(Choice choice, String value) implements Answer {
        public Chose {
            if (!choice.accepts(value)) {
                throw new IllegalArgumentException("'" + value + "' is not one of " + choice.optionValues());
            }
        }
    }

    /** "I can't run this": the walk moves to the next best check and remembers the gap. */
    record CannotRun(String probe) implements Answer {}
}
