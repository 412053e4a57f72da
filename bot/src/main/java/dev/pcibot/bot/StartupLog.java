package dev.pcibot.bot;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.util.Optional;
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
    private final HttpServerConfiguration server;

    StartupLog(Provider<KnowledgeBase> kb, HttpServerConfiguration server) {
        this.kb = kb;
        this.server = server;
    }

    /**
     * The address the server bound (micronaut.server.host, default 127.0.0.1) and its port, so the
     * log never says "localhost" while every interface is open, or the other way round. Netty binds
     * every interface when no host is configured, although the server then reports "localhost".
     */
    static String where(EmbeddedServer server, Optional<String> configuredHost) {
        String host = configuredHost.filter(h -> !h.isBlank()).orElse("0.0.0.0");
        int port = server.getPort();
        boolean everywhere = host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
        String url = "http://" + (everywhere ? "127.0.0.1" : host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host)
                + ":" + port;
        String pages = "(web page " + url + "/, API " + url + "/api/search, /api/diagnose, /api/health)";
        return everywhere
                ? "all interfaces (" + host + "), port " + port + ", reachable from other machines " + pages
                : url + ", this address only " + pages;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        LOG.info("pcibot listening on {}", where(event.getSource(), server.getHost()));
        try {
            // The server stays up and says why on each request (503); a later request tries again.
            // The failure itself is logged once, in one line, by CoreFactory.
            kb.get().available();
        } catch (RuntimeException e) {
            LOG.error("Opening the knowledge base failed; requests will answer 503 until it opens: {}", e.toString());
        }
    }
}
