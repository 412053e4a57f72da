package dev.pcibot.bot.store;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One person's verdict on one shown finding or section.
 *
 * @param replyId the posted reply the button sat on
 * @param itemId the finding id or section id
 * @param guildId null in direct messages
 */
public record Vote(
        long replyId,
        String itemId,
        @Nullable Long guildId,
        long channelId,
        long userId,
        boolean helpful,
        Instant at) {}
