package dev.pcibot.bot.discord.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class SlidingWindowRateLimiterTest {
    @Test
    void allowsNPerWindowAndTellsWhenTheOldestUseLeavesIt() {
        // given 3 per 60 s and a hand-moved clock
        MutableClock clock = new MutableClock(Instant.parse("2026-11-21T15:00:00Z"));
        SlidingWindowRateLimiter limiter = new SlidingWindowRateLimiter(3, Duration.ofSeconds(60), clock);

        // when the user uses 3 at t=0, 10, 20 s
        assertEquals(Optional.empty(), limiter.tryAcquire(7));
        clock.advance(Duration.ofSeconds(10));
        assertEquals(Optional.empty(), limiter.tryAcquire(7));
        clock.advance(Duration.ofSeconds(10));
        assertEquals(Optional.empty(), limiter.tryAcquire(7));

        // then the 4th at t=25 s must wait until t=60 s, and a refusal does not count as a use
        clock.advance(Duration.ofSeconds(5));
        assertEquals(Optional.of(Duration.ofSeconds(35)), limiter.tryAcquire(7));
        assertEquals(Optional.of(Duration.ofSeconds(35)), limiter.tryAcquire(7));
        // another user is unaffected
        assertEquals(Optional.empty(), limiter.tryAcquire(8));
        // at t=60 s the first use has left the window
        clock.advance(Duration.ofSeconds(35));
        assertEquals(Optional.empty(), limiter.tryAcquire(7));
        assertEquals(Optional.of(Duration.ofSeconds(10)), limiter.tryAcquire(7));
    }

    @Test
    void forgetsIdleUsersSoMemoryStaysBounded() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-21T15:00:00Z"));
        SlidingWindowRateLimiter limiter = new SlidingWindowRateLimiter(1, Duration.ofSeconds(1), clock);
        for (long user = 0; user < 1000; user++) {
            limiter.tryAcquire(user);
        }
        clock.advance(Duration.ofSeconds(2));
        for (int i = 0; i < 1100; i++) {
            limiter.tryAcquire(5000);
        }
        assertEquals(1, limiter.trackedKeys());
    }

    @Test
    void refusesNonsenseLimits() {
        assertThrows(IllegalArgumentException.class, () -> new SlidingWindowRateLimiter(0, Duration.ofSeconds(1), Instant::now));
        assertThrows(IllegalArgumentException.class, () -> new SlidingWindowRateLimiter(1, Duration.ZERO, Instant::now));
    }
}
