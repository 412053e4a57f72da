package dev.pcibot.bot.discord.intake;

/** An attachment we will not read; the message says why and what to send instead. */
public final class AttachmentRejectedException extends Exception {
    public AttachmentRejectedException(String message) {
        super(message);
    }

    public AttachmentRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
