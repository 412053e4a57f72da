package dev.pcibot.bot.probe;

import dev.pcibot.bot.discord.gate.SlidingWindowRateLimiter;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * How often probes run: per user, per node and per server within a window (refused: the message
 * says when to try again), and at most one probe at a time on each node, so a node is never asked
 * twice at once whoever asks.
 */
public final class ProbeLimiter {
    public static final String PER_USER = "limit:per-user";
    public static final String PER_NODE = "limit:per-node";
    public static final String PER_GUILD = "limit:per-server";
    public static final String NODE_BUSY = "limit:one-at-a-time";

    private final ProbeLimitsConfig limits;
    private final SlidingWindowRateLimiter users;
    private final SlidingWindowRateLimiter nodes;
    private final SlidingWindowRateLimiter guilds;
    private final List<String> nodeNames;
    private final Map<String, Semaphore> running = new ConcurrentHashMap<>();

    public ProbeLimiter(ProbeSettings settings, InstantSource clock) {
        this.limits = settings.limits();
        this.users = new SlidingWindowRateLimiter(limits.perUser(), limits.window(), clock);
        this.nodes = new SlidingWindowRateLimiter(limits.perNode(), limits.window(), clock);
        this.guilds = new SlidingWindowRateLimiter(limits.perGuild(), limits.window(), clock);
        this.nodeNames = settings.nodeNames();
    }

    /** Counts one run against the three windows; a refusal when any is full. */
    public Optional<ProbeDecision> tryCount(ProbeAsk ask) {
        Optional<Duration> wait = users.tryAcquire(ask.userId());
        if (wait.isPresent()) {
            return refusal(PER_USER, limits.perUser() + " probes per user", wait.get());
        }
        wait = nodes.tryAcquire(nodeNames.indexOf(ask.node()));
        if (wait.isPresent()) {
            return refusal(PER_NODE, limits.perNode() + " probes on `" + ask.node() + "`", wait.get());
        }
        wait = guilds.tryAcquire(ask.guildId() == null ? 0 : ask.guildId());
        if (wait.isPresent()) {
            return refusal(PER_GUILD, limits.perGuild() + " probes on this server", wait.get());
        }
        return Optional.empty();
    }

    /** Takes the node's one place; false when another probe runs there now. Pair with {@link #leave}. */
    public boolean tryEnter(String node) {
        return running.computeIfAbsent(node, n -> new Semaphore(1)).tryAcquire();
    }

    public void leave(String node) {
        running.get(node).release();
    }

    private Optional<ProbeDecision> refusal(String rule, String what, Duration wait) {
        return Optional.of(ProbeDecision.deny(rule, "That is more than " + what + " per "
                + human(limits.window()) + ": try again in " + seconds(wait) + " s."));
    }

    private static String human(Duration window) {
        return window.equals(Duration.ofMinutes(1)) ? "minute" : window.toSeconds() + " s";
    }

    private static long seconds(Duration wait) {
        long s = wait.toSeconds();
        return wait.minusSeconds(s).isZero() ? Math.max(1, s) : s + 1;
    }
}
