package dev.pcibot.bot;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the user's guide folder ({@code kb.user-guides}) every {@code kb.reload-interval} and
 * rebuilds the index when its content changed. Polling rather than a file watcher: it sees edits on
 * network mounts and in containers, and a fingerprint compare of a few files costs milliseconds.
 */
@Singleton
@Requires(property = "kb.user-guides")
final class UserGuideWatcher {
    private static final Logger LOG = LoggerFactory.getLogger(UserGuideWatcher.class);
    private final KnowledgeBase kb;

    UserGuideWatcher(KnowledgeBase kb) {
        this.kb = kb;
    }

    @Scheduled(fixedDelay = "${kb.reload-interval:30s}", initialDelay = "${kb.reload-interval:30s}")
    void check() {
        try {
            kb.reloadIfChanged().ifPresent(reload -> {
                if (reload.rebuilt()) {
                    LOG.info("User guides changed: index rebuilt in {} ms, {} sections; added {}, removed {}",
                            reload.millis(), reload.sections(), reload.added(), reload.removed());
                }
                reload.warnings().forEach(w -> LOG.warn("User guides: {}", w));
            });
        } catch (RuntimeException e) {
            // The old index keeps serving; the next check tries again.
            LOG.error("Rebuilding the index from {} failed; still serving the previous index", kb.userGuides(), e);
        }
    }
}
