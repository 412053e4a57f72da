package dev.pcibot.bot;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Provider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the knowledge base on its own thread as soon as the application context exists, so
 * reading the guides and building or reopening the index overlaps the database migration and the
 * server start instead of following them. A request that needs it before it is ready waits for
 * the same singleton; a failure is logged in one line and a later request tries again.
 *
 * <p>It first takes the data folder's {@link DataFolderLock}: a second service on the same folder
 * refuses to start, with one line naming the folder and the other process.
 *
 * <p>Not in the test environment: there {@link StartupLog} opens it once the server listens, and a
 * context without a server (configuration and store tests) never builds an index.
 */
@Context
@Requires(notEnv = Environment.TEST)
final class KnowledgeBaseWarmup {
    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeBaseWarmup.class);

    private final DataFolderLock folderLock;

    KnowledgeBaseWarmup(Provider<KnowledgeBase> kb, KbConfig config) {
        // first, before anything opens the index: a second service on this folder stops here
        folderLock = DataFolderLock.acquire(config.dataDir());
        Thread.ofPlatform().name("kb-open").daemon().start(() -> {
            try {
                kb.get().available(); // a failure is logged once by CoreFactory; requests answer 503 meanwhile
            } catch (RuntimeException e) {
                LOG.error("Opening the knowledge base failed; the first request will try again: {}", e.toString());
            }
        });
    }

    @PreDestroy
    void release() {
        folderLock.release();
    }
}
