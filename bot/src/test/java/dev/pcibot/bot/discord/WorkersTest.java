package dev.pcibot.bot.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import net.dv8tion.jda.api.requests.RestAction;
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

    @Test
    @SuppressWarnings("unchecked")
    void workWaitsWhileAnAcknowledgementIsStillOnItsWay() throws Exception {
        // given two interactions whose acks JDA has not sent yet (queue() captured, not completed)
        Workers workers = new Workers(2, 2);
        List<Consumer<Object>> sent = new CopyOnWriteArrayList<>();
        RestAction<Object> first = mock(RestAction.class);
        RestAction<Object> second = mock(RestAction.class);
        for (RestAction<Object> ack : List.of(first, second)) {
            doAnswer(call -> sent.add(call.getArgument(0))).when(ack).queue(any(), any());
        }
        AtomicInteger ran = new AtomicInteger();

        // when both are deferred and the first ack goes out
        workers.afterAck(first, ran::incrementAndGet);
        workers.afterAck(second, ran::incrementAndGet);
        assertEquals(2, workers.pendingAcks());
        sent.get(0).accept(null);
        Thread.sleep(100); // give the work a chance to run too early (it must not)

        // then no work ran while the second ack was pending; once it is out, both run
        assertEquals(0, ran.get());
        sent.get(1).accept(null);
        waitUntil(() -> ran.get() == 2);
        assertEquals(0, workers.pendingAcks());
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
