package dev.pcibot.bot.scale;

import dev.pcibot.bot.discord.DiscordBot;
import dev.pcibot.bot.discord.fake.FakeDiscord;
import dev.pcibot.bot.discord.fake.FakeWorld;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One service instance (Micronaut, knowledge base, database, real JDA) named {@code name}, with a
 * data folder of its own, logged in to a shared {@link FakeDiscord}: what a second replica or a
 * second shard host is. It serves {@link FakeWorld#GUILD_ID} and {@link FakeWorld#SECOND_SHARD_GUILD_ID}.
 */
final class Instance implements AutoCloseable {
    final String name;
    final ApplicationContext app;

    private Instance(String name, ApplicationContext app) {
        this.name = name;
        this.app = app;
    }

    /** Starts the instance; {@code extra} adds or overrides properties (database, shards). */
    static Instance start(String name, FakeDiscord discord, Map<String, Object> extra) {
        Path data;
        try {
            data = Files.createTempDirectory("pcibot-" + name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put("kb.data-dir", data.toString());
        properties.put("discord.instance-name", name);
        properties.put("discord.token", discord.token());
        properties.put("discord.rest-base-url", discord.restBase());
        properties.put("discord.gateway-url", discord.gatewayUrl());
        properties.put("discord.guilds", List.of(FakeWorld.GUILD_ID, FakeWorld.SECOND_SHARD_GUILD_ID));
        properties.put("discord.allowed-guilds", List.of(FakeWorld.GUILD_ID, FakeWorld.SECOND_SHARD_GUILD_ID));
        properties.put("discord.allowed-channels", List.of(FakeWorld.CHANNEL_ID, FakeWorld.SECOND_SHARD_CHANNEL_ID));
        properties.put("discord.rate-limit.requests", 100);
        properties.putAll(extra);
        ApplicationContext app = ApplicationContext.builder().environments(Environment.TEST).properties(properties).start();
        return new Instance(name, app);
    }

    <T> T bean(Class<T> type) {
        return app.getBean(type);
    }

    DiscordBot bot() {
        return app.getBean(DiscordBot.class);
    }

    @Override
    public void close() {
        if (app.isRunning()) {
            app.close();
        }
    }
}
