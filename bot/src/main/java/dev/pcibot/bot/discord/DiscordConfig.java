package dev.pcibot.bot.discord;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything the Discord bot reads from configuration ({@code discord.*}).
 *
 * @param token the bot token ({@code DISCORD_TOKEN}); never logged
 * @param tokenFile a file holding the token, for secrets mounted as files
 * @param restBaseUrl Discord's REST API; the test fake points it at 127.0.0.1
 * @param gatewayUrl the gateway WebSocket; unset means Discord's own
 * @param guilds servers whose commands are registered directly (instant); empty means global
 * @param allowedGuilds servers the bot answers in; empty means every server and direct messages
 * @param allowedChannels channels the bot answers in; empty means every channel
 * @param rateLimit interactions per user and window
 * @param maxAttachmentBytes the largest attachment read
 * @param downloadTimeout how long an attachment download may take
 * @param workers diagnoses and searches running at once (CPU-bound; about the core count)
 * @param queue interactions waiting for a worker before new ones are told the bot is busy
 */
@ConfigurationProperties(DiscordConfig.PREFIX)
public record DiscordConfig(
        @Nullable String token,
        @Nullable Path tokenFile,
        @Bindable(defaultValue = "https://discord.com/api/v10/") String restBaseUrl,
        @Nullable String gatewayUrl,
        @Bindable(defaultValue = "") List<Long> guilds,
        @Bindable(defaultValue = "") List<Long> allowedGuilds,
        @Bindable(defaultValue = "") List<Long> allowedChannels,
        RateLimit rateLimit,
        @Bindable(defaultValue = "8388608") long maxAttachmentBytes,
        @Bindable(defaultValue = "20s") Duration downloadTimeout,
        @Bindable(defaultValue = "4") int workers,
        @Bindable(defaultValue = "200") int queue) {
    public static final String PREFIX = "discord";

    public DiscordConfig {
        guilds = guilds == null ? List.of() : List.copyOf(guilds);
        allowedGuilds = allowedGuilds == null ? List.of() : List.copyOf(allowedGuilds);
        allowedChannels = allowedChannels == null ? List.of() : List.copyOf(allowedChannels);
        if (rateLimit == null) {
            rateLimit = new RateLimit(10, Duration.ofMinutes(1));
        }
    }

    /**
     * Per-user sliding window: at most {@code requests} interactions in any {@code window}.
     */
    @ConfigurationProperties("rate-limit")
    public record RateLimit(
            @Bindable(defaultValue = "10") int requests, @Bindable(defaultValue = "60s") Duration window) {}

    // The record's own toString would print the token into logs.
    @Override
    public String toString() {
        return "DiscordConfig[token=" + (token == null ? "unset" : "***") + ", tokenFile=" + tokenFile
                + ", restBaseUrl=" + restBaseUrl + ", gatewayUrl=" + gatewayUrl + ", guilds=" + guilds
                + ", allowedGuilds=" + allowedGuilds + ", allowedChannels=" + allowedChannels
                + ", rateLimit=" + rateLimit + ", maxAttachmentBytes=" + maxAttachmentBytes
                + ", downloadTimeout=" + downloadTimeout + ", workers=" + workers + ", queue=" + queue + "]";
    }
}
