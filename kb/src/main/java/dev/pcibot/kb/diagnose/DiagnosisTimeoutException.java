package dev.pcibot.kb.diagnose;

/**
 * The diagnosis ran out of its time budget, or the one who asked went away. A kind of {@link
 * InputRejectedException} so that every door (HTTP, Discord, CLI) shows its message as it is; the
 * HTTP layer answers it with 503 rather than 400, since a busy server is one cause.
 */
public final class DiagnosisTimeoutException extends InputRejectedException {
    private final boolean cancelled;

    DiagnosisTimeoutException(String message, boolean cancelled) {
        super(message);
        this.cancelled = cancelled;
    }

    /** True when the caller cancelled (the client disconnected), false when time ran out. */
    public boolean cancelled() {
        return cancelled;
    }
}
