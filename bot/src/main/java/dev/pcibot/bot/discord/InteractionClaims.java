package dev.pcibot.bot.discord;

import dev.pcibot.bot.store.ClaimStore;
import dev.pcibot.bot.store.StoreException;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which instance answers a Discord interaction when several receive it (two processes on
 * one token and shard, e.g. replicas on one PostgreSQL or the old and new process in a rolling
 * restart): the first to claim its id in the shared database ({@link ClaimStore}). With one
 * instance every claim succeeds; the cost is one insert per interaction.
 */
@Singleton
public final class InteractionClaims {
    private static final Logger LOG = LoggerFactory.getLogger(InteractionClaims.class);

    private final ClaimStore store;
    private final Clock clock;
    private final String instance;

    public InteractionClaims(ClaimStore store, @Value("${discord.instance-name:}") String instanceName) {
        this.store = store;
        this.clock = Clock.systemUTC();
        this.instance = instanceName.isBlank() ? defaultName() : instanceName;
    }

    /** This instance's name in the claims ({@code discord.instance-name}, else host and process id). */
    public String instance() {
        return instance;
    }

    /**
     * True when this instance should answer {@code eventId}. When the database cannot be asked the
     * answer is yes: with one instance (the usual case) a reply matters more than a rare double,
     * and the handler itself will meet the same database trouble and say so.
     */
    public boolean claim(long eventId) {
        try {
            boolean mine = store.claim(eventId, instance, clock.instant());
            if (!mine) {
                LOG.debug("Discord interaction {} is answered by another instance", eventId);
            }
            return mine;
        } catch (StoreException e) {
            LOG.warn("Could not claim Discord interaction {} ({}); answering it anyway", eventId, e.getCause().getMessage());
            return true;
        }
    }

    private static String defaultName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        String name = host + ":" + ManagementFactory.getRuntimeMXBean().getPid();
        return name.length() > 100 ? name.substring(0, 100) : name;
    }
}
