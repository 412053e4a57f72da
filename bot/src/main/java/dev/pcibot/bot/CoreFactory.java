package dev.pcibot.bot;

import dev.pcibot.kb.Answerer;
import dev.pcibot.kb.diagnose.Diagnoser;
import dev.pcibot.kb.search.KbSearcher;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adapts the framework-free knowledge base to Micronaut: one {@link KnowledgeBase} per application,
 * and its searcher, diagnoser and answerer as beans for the HTTP API and Discord. The knowledge base
 * is opened when first needed, which in the service is right after the server binds
 * ({@link StartupLog}); a context without a server (a configuration test, a store test) never
 * builds an index it does not use.
 */
@Factory
class CoreFactory {
    private static final Logger LOG = LoggerFactory.getLogger(CoreFactory.class);

    @Singleton
    @Bean(preDestroy = "close")
    KnowledgeBase knowledgeBase(KbConfig config) {
        long start = System.nanoTime();
        KnowledgeBase kb = KnowledgeBase.open(config.indexDir(), config.userGuides());
        long millis = (System.nanoTime() - start) / 1_000_000;
        LOG.info("Knowledge base ready in {} ms: {}", millis, IndexSummary.of(kb));
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
