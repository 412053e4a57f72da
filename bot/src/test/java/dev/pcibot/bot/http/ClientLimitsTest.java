package dev.pcibot.bot.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The per-client bookkeeping behind the rate-limit filter, on a clock the test moves. */
final class ClientLimitsTest {
    private final AtomicLong now = new AtomicLong();

    private ClientLimits limits(int requests, int inFlight, int maxInFlight) {
        return new ClientLimits(new ApiLimitsConfig(requests, Duration.ofSeconds(60), inFlight, maxInFlight), now::get);
    }

    @Test
    void aClientMaySpendItsBurstThenWaitsForTheRateWithRetryAfter() {
        ClientLimits limits = limits(3, 10, 10);
        for (int i = 0; i < 3; i++) {
            limits.tryAcquire("10.0.0.1").permit().release();
        }
        ClientLimits.Refusal refusal = limits.tryAcquire("10.0.0.1").refusal();
        assertNotNull(refusal);
        assertEquals(20, refusal.retryAfterSeconds()); // 3 per 60 s: one comes back every 20 s
        assertTrue(refusal.message().contains("at most 3 per 60 s"), refusal.message());
        assertNull(limits.tryAcquire("10.0.0.2").refusal(), "another client is not affected");

        now.addAndGet(Duration.ofSeconds(20).toNanos());
        assertNotNull(limits.tryAcquire("10.0.0.1").permit(), "one request came back after 20 s");
    }

    @Test
    void aClientMayRunOnlySoManyAtOnceAndAReleaseFreesOnePlace() {
        ClientLimits limits = limits(100, 2, 10);
        ClientLimits.Permit first = limits.tryAcquire("a").permit();
        assertNotNull(limits.tryAcquire("a").permit());
        ClientLimits.Refusal third = limits.tryAcquire("a").refusal();
        assertNotNull(third);
        assertTrue(third.message().contains("2 requests running"), third.message());

        first.release();
        first.release(); // a second release of the same permit frees nothing more
        assertNotNull(limits.tryAcquire("a").permit());
        assertNotNull(limits.tryAcquire("a").refusal());
        assertEquals(2, limits.running());
    }

    @Test
    void allClientsTogetherAreBoundedToo() {
        ClientLimits limits = limits(100, 5, 3);
        for (int i = 0; i < 3; i++) {
            assertNotNull(limits.tryAcquire("client-" + i).permit());
        }
        ClientLimits.Refusal refusal = limits.tryAcquire("client-9").refusal();
        assertNotNull(refusal);
        assertTrue(refusal.message().contains("busy"), refusal.message());
    }
}
