package dev.pcibot.bot.probe;

/**
 * A probe the node did not answer. The message is written for the user (what happened and what to
 * do, never a token, key or path of ours); the kind goes to the audit.
 */
public final class ProbeFailure extends Exception {

    /** Why the node did not answer. */
    public enum Kind {
        /** Connection refused, no route, DNS failure. */
        UNREACHABLE,
        /** Connect, handshake or command took longer than allowed. */
        TIMEOUT,
        /** The node refused the token or key (401/403, authentication failed). */
        AUTH,
        /** The certificate or host key differs from the pinned one. */
        PIN_MISMATCH,
        /** This transport cannot run this probe (the API has no endpoint for it). */
        NOT_SUPPORTED,
        /** The node ran it and failed (non-zero exit, 5xx, wrapper refused the arguments). */
        NODE_ERROR
    }

    private final Kind kind;

    public ProbeFailure(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public ProbeFailure(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
