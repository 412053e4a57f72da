package dev.pcibot.kb.search;

/** The index on disk could not be built, opened or read; the message names the folder and the cause. */
public final class KbIndexException extends RuntimeException {
    public KbIndexException(String message, Throwable cause) {
        super(message, cause);
    }
}
