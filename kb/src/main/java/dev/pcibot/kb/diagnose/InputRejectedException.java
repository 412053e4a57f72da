package dev.pcibot.kb.diagnose;

/**
 * Input the diagnosis will not read (empty, binary, over the size limit); the message says what
 * happened and what to do, in words fit to show the user.
 */
public final class InputRejectedException extends IllegalArgumentException {
    public InputRejectedException(String message) {
        super(message);
    }
}
