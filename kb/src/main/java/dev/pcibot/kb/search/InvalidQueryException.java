package dev.pcibot.kb.search;

/** A query that cannot be searched (empty, too long, only punctuation); the message says why. */
public final class InvalidQueryException extends IllegalArgumentException {
    public InvalidQueryException(String message) {
        super(message);
    }
}
