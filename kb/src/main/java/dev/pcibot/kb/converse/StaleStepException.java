package dev.pcibot.kb.converse;

/**
 * An answer to a step that is no longer the current one: a second click on the same button, an old
 * message, another browser tab. Nothing was recorded; the message says so, to show as it is.
 */
public final class StaleStepException extends RuntimeException {
    private final int current;

    public StaleStepException(int answered, int current) {
        super("That answer was for step " + answered + ", but the conversation is at step " + current
                + " already (a second click, or an older message). Nothing was changed: answer the current step.");
        this.current = current;
    }

    /** The conversation's current step number. */
    public int current() {
        return current;
    }
}
