package dev.pcibot.bot.discord.gate;

import dev.pcibot.bot.discord.DiscordConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides whether an interaction is served: the server is allowed (empty list = all, and then
 * direct messages too), the channel is allowed (empty list = all), and the user is within the rate
 * limit. Autocomplete fires on every keystroke, so it has its own, five times larger, allowance
 * and never uses up the user's budget for real commands.
 */
@Singleton
public final class Gate {
    static final int AUTOCOMPLETE_FACTOR = 5;

    private final Set<Long> guilds;
    private final Set<Long> channels;
    private final SlidingWindowRateLimiter commands;
    private final SlidingWindowRateLimiter autocomplete;

    @Inject
    public Gate(DiscordConfig config) {
        this(config, InstantSource.system());
    }

    public Gate(DiscordConfig config, InstantSource clock) {
        this.guilds = Set.copyOf(config.allowedGuilds());
        this.channels = Set.copyOf(config.allowedChannels());
        DiscordConfig.RateLimit limit = config.rateLimit();
        this.commands = new SlidingWindowRateLimiter(limit.requests(), limit.window(), clock);
        this.autocomplete =
                new SlidingWindowRateLimiter(limit.requests() * AUTOCOMPLETE_FACTOR, limit.window(), clock);
    }

    public GateDecision check(GateRequest request) {
        if (!guilds.isEmpty()) {
            if (request.guildId() == null) {
                return GateDecision.deny("I only answer inside the servers I was set up for, not in direct messages.");
            }
            if (!guilds.contains(request.guildId())) {
                return GateDecision.deny("This bot is not enabled on this server.");
            }
        }
        if (!channels.isEmpty() && !channels.contains(request.channelId())) {
            return GateDecision.deny("I don't answer in this channel. Try " + channelList() + ".");
        }
        SlidingWindowRateLimiter limiter = request.entry() == EntryPoint.AUTOCOMPLETE ? autocomplete : commands;
        Optional<Duration> wait = limiter.tryAcquire(request.userId());
        return wait.map(w -> GateDecision.deny("You're sending requests faster than I can take them: try again in "
                        + seconds(w) + " s."))
                .orElse(GateDecision.allow());
    }

    private String channelList() {
        return channels.stream().sorted().limit(5).map(id -> "<#" + id + ">").collect(Collectors.joining(", "));
    }

    /** Whole seconds, rounded up: "try again in 0 s" would be a lie. */
    static long seconds(Duration wait) {
        long s = wait.toSeconds();
        return wait.minusSeconds(s).isZero() ? Math.max(1, s) : s + 1;
    }
}
