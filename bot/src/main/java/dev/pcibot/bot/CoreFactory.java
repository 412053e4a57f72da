package dev.pcibot.bot;

import dev.pcibot.kb.Answerer;
import dev.pcibot.kb.diagnose.Diagnoser;
import dev.pcibot.kb.search.KbIndex;
import dev.pcibot.kb.search.KbIndexException;
import dev.pcibot.kb.search.KbSearcher;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adapts the framework-free knowledge base to Micronaut: one {@link KnowledgeBase} per application,
 * and its searcher, diagnoser and answerer as beans for the HTTP API and Discord. Creating them
 * never touches the disk: the index opens on first use, which in the service is at once on a thread
 * of its own ({@link KnowledgeBaseWarmup}, or {@link StartupLog} in tests); a context without a
 * server (a configuration test, a store test) never builds an index it does not use.
 */
@Factory
class CoreFactory {
    private static final Logger LOG = LoggerFactory.getLogger(CoreFactory.class);

    @Singleton
    @Bean(preDestroy = "close")
    KnowledgeBase knowledgeBase(KbConfig config) {
        // Never fails here: the index opens on first use, so an unusable data folder leaves the
        // service up answering 503 (and the Discord bot up) instead of stopping it.
        KnowledgeBase kb = KnowledgeBase.openDeferred(config.indexDir(), config.userGuides(), config.retryInterval(),
                new KnowledgeBase.Events() {
                    @Override
                    public void opened(KnowledgeBase opened, KbIndex.Stats stats) {
                        if (stats.rebuiltBecause() != null) {
                            LOG.warn("The index on disk could not be used and was rebuilt: {}", stats.rebuiltBecause());
                        }
                        if (stats.readOnly() != null) {
                            LOG.warn("The index folder cannot be written: {}. Serving the index in it as it is;"
                                    + " guide changes are not indexed until it is writable (kb.data-dir)", stats.readOnly());
                        }
                        LOG.info("Knowledge base ready: {}", IndexSummary.of(opened.guides().size(), stats));
                    }

                    @Override
                    public void failed(KbIndexException e) {
                        // One line per attempt; attempts are at most one per retry interval.
                        LOG.error("Knowledge base unavailable, requests answer 503 (next try in {} at the earliest): {}",
                                config.retryInterval(), e.getMessage());
                    }
                });
        if (config.userGuides() != null) {
            LOG.info("Watching {} for guides (.html, .md, .txt), checked every {}", config.userGuides(),
                    config.reloadInterval());
        }
        kb.warnings().forEach(w -> LOG.warn("User guides: {}", w));
        return kb;
    }

    @Singleton
    KbSearcher kbSearcher(KnowledgeBase kb) {
        return kb.searcher();
    }

    @Singleton
    Diagnoser diagnoser(KnowledgeBase kb) {
        return kb.diagnoser();
    }

    @Singleton
    Answerer answerer(KnowledgeBase kb) {
        return kb.answerer();
    }
}
