package dev.pcibot.bot.store;

/** The database refused or failed a store operation; the message says which one. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
