package dev.pcibot.bot.discord;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the slow part of an interaction runs, after it was acknowledged: virtual threads, at most
 * {@code discord.workers} at once (diagnosis and search are CPU-bound), at most
 * {@code discord.queue} more waiting. Beyond that, {@link #trySubmit} says no and the user is told
 * the bot is busy, instead of an unbounded queue that would answer after the 15-minute token died.
 */
@Singleton
public final class Workers {
    public static final String BUSY = "I'm busy with other requests right now: try again in a minute.";
    private static final Logger LOG = LoggerFactory.getLogger(Workers.class);

    private final Semaphore running;
    private final int capacity;
    private final AtomicInteger admitted = new AtomicInteger();
    private final ExecutorService threads = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("discord-work-", 0).factory());

    @Inject
    public Workers(DiscordConfig config) {
        this(config.workers(), config.queue());
    }

    public Workers(int workers, int queue) {
        this.running = new Semaphore(Math.max(1, workers), true);
        this.capacity = Math.max(1, workers) + Math.max(0, queue);
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
            }
        });
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
