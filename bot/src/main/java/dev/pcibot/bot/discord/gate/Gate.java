package dev.pcibot.bot.discord.gate;

import dev.pcibot.bot.discord.DiscordConfig;
import dev.pcibot.bot.probe.ProbeAsk;
import dev.pcibot.bot.probe.ProbeAuthorizer;
import dev.pcibot.bot.probe.ProbeDecision;
import dev.pcibot.bot.probe.ProbeSettings;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether an interaction is served: the server is allowed (empty list = all, and then
 * direct messages too), the channel is allowed (empty list = all), and the user is within the rate
 * limit. Autocomplete fires on every keystroke, so it has its own, five times larger, allowance
 * and never uses up the user's budget for real commands.
 *
 * <p>Running a probe on a node takes a second decision on top, {@link #probe(ProbeAsk)}: deny by
 * default, from the interaction's own server, channel, user and roles ({@link ProbeAuthorizer}).
 */
@Singleton
public final class Gate {
    static final int AUTOCOMPLETE_FACTOR = 5;

    private final Set<Long> guilds;
    private final Set<Long> channels;
    private final SlidingWindowRateLimiter commands;
    private final SlidingWindowRateLimiter autocomplete;
    private final ProbeAuthorizer probes;

    @Inject
    public Gate(DiscordConfig config, ProbeSettings probes) {
        this(config, InstantSource.system(), probes);
    }

    /** A gate with probes off. */
    public Gate(DiscordConfig config) {
        this(config, InstantSource.system());
    }

    /** A gate with probes off. */
    public Gate(DiscordConfig config, InstantSource clock) {
        this(config, clock, ProbeSettings.off());
    }

    public Gate(DiscordConfig config, InstantSource clock, ProbeSettings probes) {
        this.probes = new ProbeAuthorizer(probes);
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

    /**
     * Whether this probe may run for this asker, decided afresh on every call; the refusal names
     * the rule. Comes after {@link #check}, which every interaction has passed already.
     */
    public ProbeDecision probe(ProbeAsk ask) {
        return probes.decide(ask);
    }

    /** The nodes this asker may probe here, for autocomplete; same rules as {@link #probe}. */
    public List<String> probeNodes(@Nullable Long guildId, long channelId, long userId, List<Long> roles) {
        return probes.nodesFor(guildId, channelId, userId, roles);
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
