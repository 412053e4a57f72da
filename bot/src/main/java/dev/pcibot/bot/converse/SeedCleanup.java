package dev.pcibot.bot.converse;

import dev.pcibot.bot.store.ReplyStore;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the texts kept for "Walk me through it" once they are as old as an idle conversation
 * gets before it is deleted: a pasted log is kept no longer than a conversation holding it would be.
 */
@Singleton
class SeedCleanup {
    private static final Logger LOG = LoggerFactory.getLogger(SeedCleanup.class);

    private final ReplyStore replies;
    private final ConversationConfig config;
    private final Clock clock;

    SeedCleanup(ReplyStore replies, ConversationConfig config, @Named("conversations") Clock clock) {
        this.replies = replies;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "7m")
    void deleteOld() {
        int n = replies.deleteSeedsBefore(clock.instant().minus(config.deleteAfter()));
        if (n > 0) {
            LOG.info("Deleted {} diagnosed text(s) kept for 'Walk me through it'", n);
        }
    }
}
