package dev.pcibot.bot.discord;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Without a token the service runs as before; this says so once at start, and how to turn it on. */
@Singleton
@Requires(condition = NoDiscordTokenCondition.class)
final class DiscordOffNotice implements ApplicationEventListener<StartupEvent> {
    static final String MESSAGE = "Discord bot is off: set DISCORD_TOKEN (or discord.token-file) to turn it on";
    private static final Logger LOG = LoggerFactory.getLogger(DiscordOffNotice.class);

    private final @Nullable String tokenFile;

    DiscordOffNotice(@Property(name = DiscordToken.TOKEN_FILE_PROPERTY) @Nullable String tokenFile) {
        this.tokenFile = tokenFile;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (tokenFile != null && !tokenFile.isBlank()) {
            LOG.warn("Discord bot is off: discord.token-file {} is missing, unreadable or empty", tokenFile);
        } else {
            LOG.info(MESSAGE);
        }
    }
}
