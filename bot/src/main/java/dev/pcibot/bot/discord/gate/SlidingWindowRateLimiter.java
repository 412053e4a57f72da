package dev.pcibot.bot.discord.gate;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most N uses per key in any window of the given length (TJ-Bot's RateLimiter idea): a refused
 * caller learns exactly when the oldest use leaves the window. Refused attempts do not count.
 */
public final class SlidingWindowRateLimiter {
    private final int requests;
    private final Duration window;
    private final InstantSource clock;
    private final Map<Long, Deque<Instant>> uses = new ConcurrentHashMap<>();
    private int sinceSweep;

    public SlidingWindowRateLimiter(int requests, Duration window, InstantSource clock) {
        if (requests < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("rate limit needs requests >= 1 and a positive window");
        }
        this.requests = requests;
        this.window = window;
        this.clock = clock;
    }

    /** Records a use and returns empty, or returns how long until the key may try again. */
    public Optional<Duration> tryAcquire(long key) {
        Instant now = clock.instant();
        Instant horizon = now.minus(window);
        Deque<Instant> mine = uses.computeIfAbsent(key, k -> new ArrayDeque<>());
        Optional<Duration> wait;
        synchronized (mine) {
            while (!mine.isEmpty() && !mine.peekFirst().isAfter(horizon)) {
                mine.pollFirst();
            }
            if (mine.size() < requests) {
                mine.addLast(now);
                wait = Optional.empty();
            } else {
                wait = Optional.of(Duration.between(horizon, mine.peekFirst()));
            }
        }
        sweepNowAndThen(horizon);
        return wait;
    }

    /** Forget keys idle for a whole window, so the map does not grow with every user ever seen. */
    private void sweepNowAndThen(Instant horizon) {
        if (++sinceSweep < 1024) {
            return;
        }
        sinceSweep = 0;
        uses.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                return e.getValue().isEmpty() || !e.getValue().peekLast().isAfter(horizon);
            }
        });
    }

    int trackedKeys() {
        return uses.size();
    }
}
