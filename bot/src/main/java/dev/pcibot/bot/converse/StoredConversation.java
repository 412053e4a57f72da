package dev.pcibot.bot.converse;

import dev.pcibot.kb.converse.Conversation;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A conversation as the database holds it.
 *
 * @param id random UUID
 * @param owner who may answer it: {@code discord:<user id>}, or {@code web}
 * @param guildId the Discord server, or null (web, direct messages)
 * @param channelId the Discord channel it was started in, or null
 * @param threadId the thread it moved into, or null
 * @param conversation the start and the answers
 * @param stopped whether the user stopped it
 * @param shareId the id of its shared report, or null when never shared
 * @param shareUntil when the shared report's link stops working
 * @param createdAt when it started
 * @param updatedAt the last answer (or resume): idle time counts from here
 */
public record StoredConversation(
        String id,
        String owner,
        @Nullable Long guildId,
        @Nullable Long channelId,
        @Nullable Long threadId,
        Conversation conversation,
        boolean stopped,
        @Nullable String shareId,
        @Nullable Instant shareUntil,
        Instant createdAt,
        Instant updatedAt) {}
