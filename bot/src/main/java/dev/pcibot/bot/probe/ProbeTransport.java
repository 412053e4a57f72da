package dev.pcibot.bot.probe;

/**
 * Carries one catalogue probe to one node and brings its output back. Implementations are
 * read-only by construction (the API transport only issues GET; the SSH transport only sends a
 * catalogue probe name and a validated argument to the node's forced command) and never trust a
 * peer on first use: the node's certificate or host key is pinned in configuration.
 */
public interface ProbeTransport {

    /** Which transport this is, as shown in the audit ({@code api}, {@code ssh}). */
    String name();

    /**
     * Runs the call within its timeout and output cap.
     *
     * @throws ProbeFailure when the node cannot answer it: unreachable, timed out, refused the
     *     credentials, presented a key or certificate other than the pinned one, or cannot run this
     *     probe over this transport; the failure's message is fit to show the user
     */
    ProbeOutput run(ProbeCall call) throws ProbeFailure;
}
