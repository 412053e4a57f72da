package dev.pcibot.bot.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A token Discord refuses leaves the bot off and the service up (Discord's 401 served on 127.0.0.1). */
final class DiscordBotLoginTest {
    @Test
    void refusedTokenLeavesTheBotOffAndTheServiceRunning() throws IOException {
        HttpServer discord = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger logins = new AtomicInteger();
        discord.createContext("/api/v10/users/@me", exchange -> {
            logins.incrementAndGet();
            byte[] body = "{\"message\": \"401: Unauthorized\", \"code\": 0}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(401, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        discord.start();
        String base = "http://127.0.0.1:" + discord.getAddress().getPort() + "/api/v10/";
        try (ApplicationContext ctx = ApplicationContext.run(Map.of(
                "discord.token", "not-a-valid-token",
                "discord.rest-base-url", base,
                "discord.gateway-url", "ws://127.0.0.1:1/gateway"), "test")) {
            DiscordBot bot = ctx.getBean(DiscordBot.class);
            assertFalse(bot.isRunning());
            assertEquals(1, logins.get(), "the token was checked once");
            IllegalStateException off = assertThrows(IllegalStateException.class, bot::jda);
            assertTrue(off.getMessage().contains("could not log in"));
            assertTrue(ctx.isRunning());
        } finally {
            discord.stop(0);
        }
    }
}
