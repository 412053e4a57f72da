package dev.pcibot.bot.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

final class WorkersTest {
    @Test
    void admitsWorkersPlusQueueThenSaysBusyUntilAPlaceIsFree() throws Exception {
        // given 2 workers and 1 waiting place, all held by tasks that wait for a latch
        Workers workers = new Workers(2, 1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(2);
        AtomicInteger ran = new AtomicInteger();
        Runnable held = () -> {
            started.countDown();
            await(release);
            ran.incrementAndGet();
        };
        assertTrue(workers.trySubmit(held));
        assertTrue(workers.trySubmit(held));
        assertTrue(workers.trySubmit(held));
        assertTrue(started.await(10, TimeUnit.SECONDS), "two run at once");

        // when a fourth arrives, it is refused and nothing runs for it
        assertFalse(workers.trySubmit(ran::incrementAndGet));
        assertEquals(3, workers.inFlight());

        // then, once the held tasks finish, places free up again
        release.countDown();
        waitUntil(() -> workers.inFlight() == 0);
        assertEquals(3, ran.get());
        assertTrue(workers.trySubmit(ran::incrementAndGet));
        waitUntil(() -> ran.get() == 4);
        workers.close();
    }

    @Test
    void aFailingTaskStillFreesItsPlace() throws Exception {
        Workers workers = new Workers(1, 0);
        assertTrue(workers.trySubmit(() -> {
            throw new IllegalStateException("boom");
        }));
        waitUntil(() -> workers.inFlight() == 0);
        assertTrue(workers.tryReserve());
        workers.close();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Polls a condition (no timing is asserted; the bound only stops a broken test from hanging). */
    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 1000 && !condition.getAsBoolean(); i++) {
            Thread.sleep(10);
        }
        assertTrue(condition.getAsBoolean());
    }
}
