package dev.pcibot.kb.diagnose;

/**
 * Input the diagnosis will not read (empty, binary, over the size limit); the message says what
 * happened and what to do, in words fit to show the user.
 */
public sealed class InputRejectedException extends IllegalArgumentException permits DiagnosisTimeoutException {
    public InputRejectedException(String message) {
        super(message);
    }
}
