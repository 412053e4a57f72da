package dev.pcibot.bot.store;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An answer or diagnosis the bot posted, kept so its buttons still work after a restart.
 *
 * @param id the key that buttons carry in their custom id
 * @param guildId null in direct messages
 * @param userId who asked (the only one who may page or delete)
 * @param query the question, for "show more" (null for diagnoses: pasted logs are not stored)
 * @param pages per page, the section or finding ids it shows (feedback goes to these)
 */
public record StoredReply(
        long id,
        ReplyKind kind,
        @Nullable Long guildId,
        long channelId,
        long userId,
        @Nullable String query,
        List<List<String>> pages,
        Instant createdAt) {
    public StoredReply {
        pages = pages.stream().map(List::copyOf).toList();
    }

    /** The items shown on a page, empty when the page does not exist. */
    public List<String> itemsOn(int page) {
        return page >= 0 && page < pages.size() ? pages.get(page) : List.of();
    }
}
