package dev.pcibot.bot.discord;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.EnumSet;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import net.dv8tion.jda.api.utils.messages.MessageRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running bot: built at start when a token is configured (no token, no bean: see
 * {@link DiscordOffNotice}), logged in without waiting for the gateway so the HTTP service starts
 * regardless, shut down gracefully with the application. A token Discord refuses, or Discord out
 * of reach at start, is logged as an error and leaves the bot off; the service still starts.
 */
@Context
@Requires(condition = DiscordTokenCondition.class)
public final class DiscordBot implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DiscordBot.class);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);

    private final @Nullable JDA jda;

    public DiscordBot(DiscordConfig config, Environment environment, InteractionRouter router) {
        String token = DiscordToken.resolve(environment)
                .orElseThrow(() -> new IllegalStateException("discord token vanished between condition and start"));
        // Echoed user text must never ping: no mention types are allowed unless a message says so.
        MessageRequest.setDefaultMentions(EnumSet.noneOf(Message.MentionType.class));
        MessageRequest.setDefaultMentionRepliedUser(false);
        JDABuilder builder = JDABuilder.createLight(token, EnumSet.noneOf(GatewayIntent.class))
                .setRestConfig(new RestConfig().setBaseUrl(config.restBaseUrl()))
                .setEnableShutdownHook(false) // Micronaut shuts us down in order
                // JDA hands events to listeners one at a time on its gateway thread by default: in a
                // burst of 100 clicks the last waited for 99 handlers before its acknowledgement
                // (ack p99 290 ms). Handlers only check and defer before the work goes to the
                // workers, and a conversation's answers are ordered by the database, not by arrival.
                .setEventPool(eventPool(), true)
                .addEventListeners(router);
        String gateway = config.gatewayUrl();
        if (gateway != null && !gateway.isBlank()) {
            // JDA takes the gateway from its SessionController, not from the REST base (discord-fake.md §1.2).
            builder.setSessionController(new ConcurrentSessionController() {
                        @Override
                        public String getGateway() {
                            return gateway;
                        }
                    })
                    .setCompression(Compression.NONE);
        }
        this.jda = login(builder, config);
    }

    private static java.util.concurrent.ExecutorService eventPool() {
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        return java.util.concurrent.Executors.newFixedThreadPool(EVENT_THREADS, r -> {
            Thread t = new Thread(r, "discord-events-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Enough that a burst of clicks is acknowledged in parallel; the CPU work runs on the workers. */
    static final int EVENT_THREADS = 8;

    private static @Nullable JDA login(JDABuilder builder, DiscordConfig config) {
        try {
            JDA jda = builder.build(); // checks the token with GET users/@me; the gateway connects later
            LOG.info("Discord bot logging in (REST {}, gateway {}, commands {})", config.restBaseUrl(),
                    config.gatewayUrl() == null ? "Discord's" : config.gatewayUrl(),
                    config.guilds().isEmpty() ? "global" : "on servers " + config.guilds());
            return jda;
        } catch (InvalidTokenException e) {
            LOG.error("Discord bot is off: Discord refused the bot token (check DISCORD_TOKEN or discord.token-file); "
                    + "the rest of the service runs on");
        } catch (RuntimeException e) {
            LOG.error("Discord bot is off: could not log in to {} ({}); the rest of the service runs on",
                    config.restBaseUrl(), e.getMessage());
        }
        return null;
    }

    /** Whether the bot logged in (it may still be connecting to the gateway). */
    public boolean isRunning() {
        return jda != null;
    }

    /** The JDA instance; {@link IllegalStateException} when the bot could not log in. */
    public JDA jda() {
        if (jda == null) {
            throw new IllegalStateException("the Discord bot is off: it could not log in (see the log)");
        }
        return jda;
    }

    /** Blocks until the gateway session is ready (tests and tools; the service never waits). */
    public JDA awaitReady() throws InterruptedException {
        return jda().awaitReady();
    }

    @Override
    @PreDestroy
    public void close() {
        if (jda == null) {
            return;
        }
        jda.shutdown();
        try {
            if (!jda.awaitShutdown(SHUTDOWN_WAIT)) {
                jda.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            jda.shutdownNow();
        }
        LOG.info("Discord bot stopped");
    }
}
