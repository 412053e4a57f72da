package dev.pcibot.bot.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.value.MapPropertyResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class DiscordConfigTest {
    @Test
    void bindsEveryKeyAndKeepsTheTokenOutOfToString() {
        try (ApplicationContext ctx = ApplicationContext.run(Map.of(
                "discord.guilds", "111,222",
                "discord.allowed-guilds", "111",
                "discord.allowed-channels", "333",
                "discord.rate-limit.requests", "3",
                "discord.rate-limit.window", "10s",
                "discord.max-attachment-bytes", "1024",
                "discord.gateway-url", "ws://127.0.0.1:1/gateway",
                "discord.rest-base-url", "http://127.0.0.1:1/api/v10/"), "test")) {
            DiscordConfig config = ctx.getBean(DiscordConfig.class);
            assertEquals(List.of(111L, 222L), config.guilds());
            assertEquals(List.of(111L), config.allowedGuilds());
            assertEquals(List.of(333L), config.allowedChannels());
            assertEquals(new DiscordConfig.RateLimit(3, Duration.ofSeconds(10)), config.rateLimit());
            assertEquals(1024, config.maxAttachmentBytes());
            assertEquals("ws://127.0.0.1:1/gateway", config.gatewayUrl());
            assertEquals("http://127.0.0.1:1/api/v10/", config.restBaseUrl());
            // no token: no bot, and the service still starts
            assertFalse(ctx.containsBean(DiscordBot.class));
        }
    }

    @Test
    void defaultsNeedNothingSet() {
        try (ApplicationContext ctx = ApplicationContext.run(Map.of(), "test")) {
            DiscordConfig config = ctx.getBean(DiscordConfig.class);
            assertEquals(List.of(), config.guilds());
            assertEquals(List.of(), config.allowedGuilds());
            assertEquals(10, config.rateLimit().requests());
            assertEquals(Duration.ofMinutes(1), config.rateLimit().window());
            assertEquals(8L * 1024 * 1024, config.maxAttachmentBytes());
            assertEquals("https://discord.com/api/v10/", config.restBaseUrl());
            assertNull(config.gatewayUrl());
            assertFalse(ctx.containsBean(DiscordBot.class));
        }
    }

    @Test
    void toStringHidesTheToken() {
        DiscordConfig config = new DiscordConfig("secret-token-value", null, "https://discord.com/api/v10/", null,
                List.of(), List.of(), List.of(), null, 1, Duration.ofSeconds(1), 1, 1);
        assertFalse(config.toString().contains("secret-token-value"), config.toString());
        assertTrue(config.toString().contains("token=***"));
    }

    @Test
    void tokenComesFromPropertyOrFirstNonEmptyLineOfTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("token");
        Files.writeString(file, "\n  from-file-token  \nsecond\n");
        assertEquals(Optional.of("direct"), DiscordToken.resolve(new MapPropertyResolver(
                Map.of("discord.token", " direct ", "discord.token-file", file.toString()))));
        assertEquals(Optional.of("from-file-token"), DiscordToken.resolve(new MapPropertyResolver(
                Map.of("discord.token", "  ", "discord.token-file", file.toString()))));
        assertEquals(Optional.empty(), DiscordToken.resolve(new MapPropertyResolver(
                Map.of("discord.token-file", dir.resolve("missing").toString()))));
        assertEquals(Optional.empty(), DiscordToken.resolve(new MapPropertyResolver(Map.of())));
        Files.writeString(file, "   \n");
        assertEquals(Optional.empty(), DiscordToken.resolve(new MapPropertyResolver(
                Map.of("discord.token-file", file.toString()))));
    }
}
