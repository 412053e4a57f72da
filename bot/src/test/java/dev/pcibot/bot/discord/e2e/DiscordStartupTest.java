package dev.pcibot.bot.discord.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.pcibot.bot.discord.DiscordBot;
import dev.pcibot.bot.discord.fake.FakeDiscord;
import dev.pcibot.bot.discord.fake.RecordedCall;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** How the bot comes up: a token from a file and commands registered globally; no token, no bot. */
class DiscordStartupTest {

    @Test
    void tokenFromAFileAndNoServersListedRegistersCommandsGlobally(@TempDir Path dir) {
        Path tokenFile = dir.resolve("discord-token");
        try (BotUnderTest bot = BotUnderTest.start(fake -> {
                    write(tokenFile, "\n  " + fake.token() + "  \n"); // a mounted secret, blank line and all
                    return Map.of("discord.token-file", tokenFile.toString());
                },
                Set.of("discord.token", "discord.guilds"), "global")) {
            List<String> names = bot.discord.commands().get("global").findValuesAsText("name");
            assertTrue(names.containsAll(List.of("ask", "diagnose", "Diagnose this message")), names.toString());
            assertEquals(Set.of("global"), bot.discord.commands().keySet());
            List<RecordedCall> tokenChecks = bot.discord.calls("GET", "users/@me");
            assertEquals(1, tokenChecks.size());
            assertEquals("Bot " + bot.discord.token(), tokenChecks.get(0).headers().get("authorization"));
            bot.discord.assertNoViolations(); // includes IDENTIFY with the same token
            bot.jdaErrors.assertNoErrors();
        }
    }

    @Test
    void withoutATokenTheServiceRunsAndSaysHowToTurnTheBotOn() {
        Logger logger = (Logger) LoggerFactory.getLogger("dev.pcibot.bot.discord");
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        try (FakeDiscord discord = FakeDiscord.start();
                ApplicationContext app = ApplicationContext.builder().environments(Environment.TEST)
                        .properties(Map.of("discord.rest-base-url", discord.restBase(),
                                "discord.gateway-url", discord.gatewayUrl()))
                        .start()) {
            assertFalse(app.containsBean(DiscordBot.class));
            assertTrue(log.list.stream().anyMatch(e -> e.getFormattedMessage().startsWith("Discord bot is off: set DISCORD_TOKEN")),
                    log.list.toString());
            assertEquals(List.of(), discord.calls(), "nothing contacted Discord");
        } finally {
            logger.detachAppender(log);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
