package dev.pcibot.bot.discord;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import dev.pcibot.kb.diagnose.Diagnoser;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.time.Duration;
import net.dv8tion.jda.api.requests.RestAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the slow part of an interaction runs, after it was acknowledged: virtual threads, at most
 * {@code discord.workers} at once (diagnosis and search are CPU-bound), at most
 * {@code discord.queue} more waiting. Beyond that, {@link #trySubmit} says no and the user is told
 * the bot is busy, instead of an unbounded queue that would answer after the 15-minute token died.
 *
 * <p>Acknowledgements come first: Discord drops an interaction not acknowledged within 3 seconds,
 * while the answer may take longer. Work started through {@link #afterAck} waits (at most
 * {@link #ACK_PRIORITY_WAIT}) while any acknowledgement is still on its way or an interaction
 * arrived less than {@link #QUIET} ago (the rest of a burst is still being read from the gateway),
 * so that in a burst the CPU and JDA's request threads go to acks before searches and diagnoses.
 *
 * <p>One user may have at most {@link #PER_USER} places at once ({@link #tryReserve(long)}): four
 * crafted attachments from one user would otherwise hold all four workers while everyone else
 * queues. A refused user is told when to try again: when the oldest of their jobs is sure to be
 * done, since no diagnosis outlives its budget ({@link Diagnoser#DEFAULT_BUDGET}).
 */
@Singleton
public final class Workers {
    public static final String BUSY = "I'm busy with other requests right now: try again in a minute.";
    private static final Logger LOG = LoggerFactory.getLogger(Workers.class);

    /** A steady stream of interactions must not starve the work for ever. */
    static final Duration ACK_PRIORITY_WAIT = Duration.ofSeconds(2);
    /** How long the gateway must be quiet before work starts during a burst. */
    static final Duration QUIET = Duration.ofMillis(25);

    /** Places one user may hold at once: one running and one waiting covers any honest use. */
    public static final int PER_USER = 2;

    private volatile long lastArrival = System.nanoTime() - QUIET.toNanos();

    private final AtomicInteger pendingAcks = new AtomicInteger();
    private final ReentrantLock ackLock = new ReentrantLock();
    private final Condition acksSent = ackLock.newCondition();
    private final Semaphore running;
    private final int capacity;
    private final AtomicInteger admitted = new AtomicInteger();
    private final int perUser;
    private final Duration jobLimit;
    // per user: when each of their places was taken (nanoTime), oldest first
    // (one lock for the whole map: Discord's rates are tiny, and it keeps take and release exact)
    private final Map<Long, java.util.ArrayDeque<Long>> byUser = new java.util.HashMap<>();
    private final ExecutorService threads = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("discord-work-", 0).factory());

    @Inject
    public Workers(DiscordConfig config) {
        this(config.workers(), config.queue());
    }

    public Workers(int workers, int queue) {
        this(workers, queue, PER_USER, Diagnoser.DEFAULT_BUDGET);
    }

    /** @param jobLimit the longest one job can take (the diagnosis budget), for "try again in N s" */
    public Workers(int workers, int queue, int perUser, Duration jobLimit) {
        this.running = new Semaphore(Math.max(1, workers), true);
        this.capacity = Math.max(1, workers) + Math.max(0, queue);
        this.perUser = Math.max(1, perUser);
        this.jobLimit = jobLimit;
    }

    /**
     * Reserves a place for {@code user}: empty when taken (run it with {@link #afterAck(long,
     * RestAction, Runnable)}), else the message to show, which says when to try again.
     */
    public Optional<String> tryReserve(long user) {
        long now = System.nanoTime();
        synchronized (byUser) {
            java.util.ArrayDeque<Long> mine = byUser.computeIfAbsent(user, k -> new java.util.ArrayDeque<>());
            if (mine.size() >= perUser) {
                long left = jobLimit.toNanos() + ACK_PRIORITY_WAIT.toNanos() - (now - mine.peekFirst());
                long seconds = Math.max(1, (left + 999_999_999L) / 1_000_000_000L);
                return Optional.of("You already have " + mine.size() + " requests running, the most one user may have"
                        + " at once: try again in " + seconds + " s.");
            }
            if (!tryReserve()) {
                if (mine.isEmpty()) {
                    byUser.remove(user);
                }
                return Optional.of(BUSY);
            }
            mine.addLast(now);
        }
        return Optional.empty();
    }

    private void releaseUser(long user) {
        synchronized (byUser) {
            java.util.ArrayDeque<Long> mine = byUser.get(user);
            if (mine == null) {
                return;
            }
            mine.pollFirst();
            if (mine.isEmpty()) {
                byUser.remove(user);
            }
        }
    }

    /** As {@link #afterAck(RestAction, Runnable)} for a place taken by {@link #tryReserve(long)}. */
    public void afterAck(long user, RestAction<?> ack, Runnable work) {
        afterAck(ack, work, () -> releaseUser(user));
    }

    /** Reserves a place; false when running and waiting work is at capacity. */
    public boolean tryReserve() {
        if (admitted.incrementAndGet() > capacity) {
            admitted.decrementAndGet();
            return false;
        }
        return true;
    }

    /** Runs work in a place taken by {@link #tryReserve}; the place is freed when it ends. */
    public void runReserved(Runnable work) {
        runReserved(work, () -> {});
    }

    private void runReserved(Runnable work, Runnable done) {
        threads.execute(() -> {
            try {
                running.acquire();
                try {
                    work.run();
                } finally {
                    running.release();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.warn("Discord work failed", e);
            } finally {
                admitted.decrementAndGet();
                done.run();
            }
        });
    }

    /**
     * Sends the acknowledgement, then runs the work in a place taken by {@link #tryReserve} once no
     * acknowledgement is pending any more.
     */
    public void afterAck(RestAction<?> ack, Runnable work) {
        afterAck(ack, work, () -> {});
    }

    private void afterAck(RestAction<?> ack, Runnable work, Runnable done) {
        lastArrival = System.nanoTime();
        pendingAcks.incrementAndGet();
        ack.queue(ok -> ackSent(), e -> {
            ackSent();
            LOG.warn("Could not acknowledge an interaction: {}", e.getMessage());
        });
        runReserved(() -> {
            awaitAcks();
            work.run();
        }, done);
    }

    private void ackSent() {
        if (pendingAcks.decrementAndGet() <= 0) {
            ackLock.lock();
            try {
                acksSent.signalAll();
            } finally {
                ackLock.unlock();
            }
        }
    }

    private void awaitAcks() {
        long end = System.nanoTime() + ACK_PRIORITY_WAIT.toNanos();
        ackLock.lock();
        try {
            while (true) {
                long now = System.nanoTime();
                long quietLeft = lastArrival + QUIET.toNanos() - now;
                if ((pendingAcks.get() <= 0 && quietLeft <= 0) || now >= end) {
                    break;
                }
                long wait = pendingAcks.get() > 0 ? end - now : Math.min(quietLeft, end - now);
                acksSent.awaitNanos(wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            ackLock.unlock();
        }
    }

    int pendingAcks() {
        return pendingAcks.get();
    }

    /** Reserve and run in one step; false (nothing run) when full. */
    public boolean trySubmit(Runnable work) {
        if (!tryReserve()) {
            return false;
        }
        runReserved(work);
        return true;
    }

    public int inFlight() {
        return admitted.get();
    }

    @PreDestroy
    public void close() throws InterruptedException {
        threads.shutdown();
        if (!threads.awaitTermination(10, TimeUnit.SECONDS)) {
            threads.shutdownNow();
        }
    }
}
