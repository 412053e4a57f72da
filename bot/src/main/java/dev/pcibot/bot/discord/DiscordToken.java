package dev.pcibot.bot.discord;

import io.micronaut.core.value.PropertyResolver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the bot token: {@code discord.token} (the environment variable {@code DISCORD_TOKEN} maps
 * onto it), else the first line of the file named by {@code discord.token-file}.
 */
public final class DiscordToken {
    public static final String TOKEN_PROPERTY = "discord.token";
    public static final String TOKEN_FILE_PROPERTY = "discord.token-file";

    private DiscordToken() {}

    /** The token, or empty when none is configured or the named file cannot be read. */
    public static Optional<String> resolve(PropertyResolver properties) {
        Optional<String> direct = properties.getProperty(TOKEN_PROPERTY, String.class).map(String::strip)
                .filter(t -> !t.isEmpty());
        if (direct.isPresent()) {
            return direct;
        }
        return properties.getProperty(TOKEN_FILE_PROPERTY, String.class)
                .filter(f -> !f.isBlank())
                .flatMap(f -> read(Path.of(f.strip())));
    }

    private static Optional<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty())
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
