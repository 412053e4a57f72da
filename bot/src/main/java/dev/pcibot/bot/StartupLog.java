package dev.pcibot.bot;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Once the server listens: says where, then opens the knowledge base (building the index when it
 * is missing or stale) so it is ready before the first question rather than during it. A request
 * that arrives meanwhile waits for it; it does not fail. In production {@link KnowledgeBaseWarmup}
 * has usually opened it already.
 */
@Singleton
final class StartupLog implements ApplicationEventListener<ServerStartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(StartupLog.class);
    private final Provider<KnowledgeBase> kb;

    StartupLog(Provider<KnowledgeBase> kb) {
        this.kb = kb;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        String url = event.getSource().getURL().toString();
        LOG.info("pcibot listening on {} (web page {}/, API {}/api/search, /api/diagnose, /api/health)", url, url, url);
        try {
            // The server stays up and says why on each request (503); a later request tries again.
            // The failure itself is logged once, in one line, by CoreFactory.
            kb.get().available();
        } catch (RuntimeException e) {
            LOG.error("Opening the knowledge base failed; requests will answer 503 until it opens: {}", e.toString());
        }
    }
}
