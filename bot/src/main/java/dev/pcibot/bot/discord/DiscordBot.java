package dev.pcibot.bot.discord;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
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
 * With {@code discord.shards.total} set it runs a JDA ShardManager with this instance's shards
 * ({@link ShardsConfig}); every interaction passes {@link InteractionClaims} first, so instances
 * that receive the same one answer it once.
 */
@Context
@Requires(condition = DiscordTokenCondition.class)
public final class DiscordBot implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DiscordBot.class);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);

    private final @Nullable JDA jda;
    private final @Nullable ShardManager shardManager;

    public DiscordBot(DiscordConfig config, ShardsConfig shards, Environment environment, InteractionRouter router,
            InteractionClaims claims) {
        String token = DiscordToken.resolve(environment)
                .orElseThrow(() -> new IllegalStateException("discord token vanished between condition and start"));
        // Echoed user text must never ping: no mention types are allowed unless a message says so.
        MessageRequest.setDefaultMentions(EnumSet.noneOf(Message.MentionType.class));
        MessageRequest.setDefaultMentionRepliedUser(false);
        // Another instance on the same token and shard receives the same interactions: the first to
        // claim one answers it (InteractionClaims), the other stays silent.
        ClaimingListener listener = new ClaimingListener(claims, router);
        if (shards.sharded()) {
            this.jda = null;
            this.shardManager = loginSharded(shardedBuilder(token, config, shards, listener), config, shards);
        } else {
            this.shardManager = null;
            this.jda = login(builder(token, config, listener), config);
        }
    }

    private static JDABuilder builder(String token, DiscordConfig config, Object listener) {
        JDABuilder builder = JDABuilder.createLight(token, EnumSet.noneOf(GatewayIntent.class))
                .setRestConfig(new RestConfig().setBaseUrl(config.restBaseUrl()))
                .setEnableShutdownHook(false) // Micronaut shuts us down in order
                // JDA hands events to listeners one at a time on its gateway thread by default: in a
                // burst of 100 clicks the last waited for 99 handlers before its acknowledgement
                // (ack p99 290 ms). Handlers only check and defer before the work goes to the
                // workers, and a conversation's answers are ordered by the database, not by arrival.
                .setEventPool(eventPool(), true)
                .addEventListeners(listener);
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
        return builder;
    }

    /** The same bot as {@link #builder}, as a ShardManager running this instance's shards. */
    private static DefaultShardManagerBuilder shardedBuilder(String token, DiscordConfig config, ShardsConfig shards,
            Object listener) {
        DefaultShardManagerBuilder builder = DefaultShardManagerBuilder.createLight(token, EnumSet.noneOf(GatewayIntent.class))
                .setRestConfig(new RestConfig().setBaseUrl(config.restBaseUrl()))
                .setEnableShutdownHook(false)
                .setShardsTotal(shards.total())
                .setShards(shards.runs())
                // one pool for all shards, so the threads do not multiply with the shard count
                .setEventPool(eventPool(), true)
                .addEventListeners(listener);
        String gateway = config.gatewayUrl();
        if (gateway != null && !gateway.isBlank()) {
            // A ShardManager asks GET gateway/bot for the URL and the identify concurrency
            // (discord-fake.md §1.2); keep the concurrency, use the configured URL.
            builder.setSessionController(new ConcurrentSessionController() {
                        @Override
                        public String getGateway() {
                            return gateway;
                        }

                        @Override
                        public ShardedGateway getShardedGateway(JDA api) {
                            ShardedGateway asked = super.getShardedGateway(api);
                            return new ShardedGateway(gateway, asked.getShardTotal(), asked.getConcurrency());
                        }
                    })
                    .setCompression(Compression.NONE);
        }
        return builder;
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

    private static @Nullable ShardManager loginSharded(DefaultShardManagerBuilder builder, DiscordConfig config,
            ShardsConfig shards) {
        try {
            ShardManager manager = builder.build(); // logs in the first shard here, the others in the background
            LOG.info("Discord bot logging in shards {} of {} (REST {}, gateway {}, commands {})", shards.runs(),
                    shards.total(), config.restBaseUrl(), config.gatewayUrl() == null ? "Discord's" : config.gatewayUrl(),
                    config.guilds().isEmpty() ? "global" : "on servers " + config.guilds());
            return manager;
        } catch (InvalidTokenException e) {
            LOG.error("Discord bot is off: Discord refused the bot token (check DISCORD_TOKEN or discord.token-file); "
                    + "the rest of the service runs on");
        } catch (RuntimeException e) {
            LOG.error("Discord bot is off: could not log in to {} ({}); the rest of the service runs on",
                    config.restBaseUrl(), e.getMessage());
        }
        return null;
    }

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
        return jda != null || shardManager != null;
    }

    /** The JDA instance (sharded: the lowest shard); {@link IllegalStateException} when the bot could not log in. */
    public JDA jda() {
        return shards().getFirst();
    }

    /** This instance's sessions, one per shard it runs, by shard id; one when not sharded. */
    public List<JDA> shards() {
        if (jda != null) {
            return List.of(jda);
        }
        if (shardManager != null) {
            return shardManager.getShards().stream()
                    .sorted(java.util.Comparator.comparingInt((JDA shard) -> shard.getShardInfo().getShardId()))
                    .toList();
        }
        throw new IllegalStateException("the Discord bot is off: it could not log in (see the log)");
    }

    /** Blocks until every session is ready (tests and tools; the service never waits). */
    public JDA awaitReady() throws InterruptedException {
        if (shardManager != null) {
            // shards after the first are built by the manager's queue, up to 5 s apart per Discord's limit
            while (shardManager.getShardsQueued() > 0) {
                Thread.sleep(50);
            }
        }
        for (JDA shard : shards()) {
            shard.awaitReady();
        }
        return jda();
    }

    @Override
    @PreDestroy
    public void close() {
        if (shardManager != null) {
            List<JDA> running = List.copyOf(shardManager.getShards());
            shardManager.shutdown();
            try {
                for (JDA shard : running) {
                    if (!shard.awaitShutdown(SHUTDOWN_WAIT)) {
                        shard.shutdownNow();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running.forEach(JDA::shutdownNow);
            }
            LOG.info("Discord bot stopped");
            return;
        }
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
