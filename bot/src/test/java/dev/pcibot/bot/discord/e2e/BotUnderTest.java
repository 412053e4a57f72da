package dev.pcibot.bot.discord.e2e;

import dev.pcibot.bot.discord.fake.FakeDiscord;
import dev.pcibot.bot.discord.fake.FakeWorld;
import dev.pcibot.bot.discord.fake.JdaErrorLog;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The whole service (Micronaut, the knowledge base, the database, the real JDA) started against a
 * {@link FakeDiscord}: what the end-to-end tests and the benchmark drive. The served guild is
 * {@link FakeWorld#GUILD_ID} and only its {@link FakeWorld#CHANNEL_ID} is an allowed channel.
 */
public final class BotUnderTest implements AutoCloseable {
    private static final AtomicLong USERS = new AtomicLong(1_300_000_000_000_010_000L);

    public final FakeDiscord discord;
    public final ApplicationContext app;
    public final JdaErrorLog jdaErrors;

    private BotUnderTest(FakeDiscord discord, ApplicationContext app, JdaErrorLog jdaErrors) {
        this.discord = discord;
        this.app = app;
        this.jdaErrors = jdaErrors;
    }

    /** Starts the fake, then the service with {@code extra} properties on top of the Discord wiring. */
    public static BotUnderTest start(Map<String, Object> extra) {
        return start(fake -> extra, Set.of(), Long.toString(FakeWorld.GUILD_ID));
    }

    /**
     * Like {@link #start(Map)}, with properties made once the fake runs (its token, its URLs),
     * without the wiring properties named in {@code without}, waiting for commands registered in
     * {@code commandScope} ("global" or a guild id).
     */
    static BotUnderTest start(Function<FakeDiscord, Map<String, Object>> extra, Set<String> without, String commandScope) {
        JdaErrorLog jdaErrors = JdaErrorLog.install();
        FakeDiscord discord = FakeDiscord.start();
        Map<String, Object> properties = new HashMap<>();
        properties.put("discord.token", discord.token());
        properties.put("discord.rest-base-url", discord.restBase());
        properties.put("discord.gateway-url", discord.gatewayUrl());
        properties.put("discord.guilds", List.of(FakeWorld.GUILD_ID));
        properties.put("discord.allowed-guilds", List.of(FakeWorld.GUILD_ID));
        properties.put("discord.allowed-channels", List.of(FakeWorld.CHANNEL_ID));
        properties.keySet().removeAll(without);
        ApplicationContext app;
        try {
            properties.putAll(extra.apply(discord));
            app = ApplicationContext.builder().environments(Environment.TEST).properties(properties).start();
        } catch (RuntimeException e) {
            discord.close();
            jdaErrors.close();
            throw e;
        }
        BotUnderTest bot = new BotUnderTest(discord, app, jdaErrors);
        try {
            discord.awaitConnected();
            discord.awaitCommands(commandScope);
        } catch (RuntimeException | AssertionError e) {
            bot.close();
            throw e;
        }
        return bot;
    }

    /** A user nobody else uses: keeps per-user rate limits of different tests apart. */
    public static long newUser() {
        return USERS.incrementAndGet();
    }

    /** A fixture from {@code src/test/resources/discord/}. */
    static String fixture(String name) {
        try (InputStream in = BotUnderTest.class.getResourceAsStream("/discord/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture /discord/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            app.close();
        } finally {
            discord.close();
            jdaErrors.close();
        }
    }
}
