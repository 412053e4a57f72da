package dev.pcibot.bot.converse;

/**
 * A conversation request that cannot be carried out, with a message fit to show the user and the
 * HTTP status that says why: 404 no such conversation, 403 not yours, 409 stopped, 410 expired.
 */
public final class ConversationException extends RuntimeException {
    private final int status;

    ConversationException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    static ConversationException notFound() {
        return new ConversationException(404, "There is no such conversation: it was deleted (conversations are deleted"
                + " after some days without an answer), or the link is wrong. Start a new one.");
    }

    static ConversationException notYours() {
        return new ConversationException(403, "This conversation belongs to someone else: only the person who started"
                + " it (or a server admin) can answer it. Start your own with /troubleshoot.");
    }

    static ConversationException stopped() {
        return new ConversationException(409, "This conversation was stopped. Start a new one, or resume it.");
    }

    static ConversationException expired(java.time.Duration idle) {
        return new ConversationException(410, "This conversation expired after " + idle.toHours()
                + " h without an answer. Resume it to carry on where you left off.");
    }
}
