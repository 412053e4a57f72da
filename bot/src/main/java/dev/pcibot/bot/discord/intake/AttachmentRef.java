package dev.pcibot.bot.discord.intake;

import net.dv8tion.jda.api.entities.Message;
import org.jspecify.annotations.Nullable;

/**
 * What Discord tells us about an attachment before we download it.
 *
 * @param contentType as Discord guessed it, e.g. {@code text/plain; charset=utf-8}; may be null
 * @param size in bytes, as Discord reports it
 */
public record AttachmentRef(String fileName, @Nullable String contentType, long size, String url) {
    public static AttachmentRef of(Message.Attachment attachment) {
        return new AttachmentRef(
                attachment.getFileName(), attachment.getContentType(), attachment.getSize(), attachment.getUrl());
    }
}
