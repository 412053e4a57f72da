package dev.pcibot.bot;

import dev.pcibot.kb.search.Embedder;
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
 * the same singleton; a failure is logged in one line and a later request tries again. The
 * embedding model loads at the same time on a second thread, and one search is run once the index
 * is open, so the first user's question finds everything loaded.
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

    /** What the warm-up asks; its answer is thrown away. */
    static final String WARM_UP_QUESTION = "iommu groups";

    private final DataFolderLock folderLock;

    KnowledgeBaseWarmup(Provider<KnowledgeBase> kb, KbConfig config) {
        // first, before anything opens the index: a second service on this folder stops here
        folderLock = DataFolderLock.acquire(config.dataDir());
        Thread.ofPlatform().name("kb-open").daemon().start(() -> {
            try {
                if (kb.get().available()) { // a failure is logged once by CoreFactory; requests answer 503 meanwhile
                    kb.get().searcher().search(WARM_UP_QUESTION, 1); // the search path compiled before a user waits on it
                }
            } catch (RuntimeException e) {
                LOG.error("Opening the knowledge base failed; the first request will try again: {}", e.toString());
            }
        });
        // The embedding model's session takes about half a second to load, and a reused index does
        // not need it to open: loaded beside the index and the migration, not on the first question.
        Thread.ofPlatform().name("model-load").daemon().start(() -> {
            try {
                Embedder.bundled().embedQuery(WARM_UP_QUESTION);
            } catch (RuntimeException e) {
                LOG.error("Loading the embedding model failed; the first search will try again: {}", e.toString());
            }
        });
    }

    @PreDestroy
    void release() {
        folderLock.release();
    }
}
