package dev.pcibot.bot.http;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The bookkeeping behind {@link RateLimitFilter}, free of Micronaut: per client a token bucket
 * (requests per window) and a count of its requests in flight, plus one count over all clients.
 * Thread-safe.
 *
 * <p>NOTE: clients are forgotten once their bucket is full again and nothing of theirs runs, and
 * the table is swept when it grows past {@link #SWEEP_AT}, so a flood of distinct addresses costs
 * memory only while it lasts.
 */
final class ClientLimits {
    static final int SWEEP_AT = 10_000;

    /** Why a request was refused, and when to come back. */
    record Refusal(String message, long retryAfterSeconds) {}

    /** An admitted request's place; {@link #release} frees it (once; later calls do nothing). */
    final class Permit {
        private final Client owner;
        private boolean released;

        private Permit(Client owner) {
            this.owner = owner;
        }

        void release() {
            synchronized (owner) {
                if (released) {
                    return;
                }
                released = true;
                owner.running--;
            }
            running.decrementAndGet();
        }
    }

    /** Either a permit or a refusal. */
    record Admission(@Nullable Permit permit, @Nullable Refusal refusal) {}

    private final int requests;
    private final long windowNanos;
    private final int inFlight;
    private final int maxInFlight;
    private final LongSupplier clock;
    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final AtomicInteger running = new AtomicInteger();

    ClientLimits(ApiLimitsConfig config) {
        this(config, System::nanoTime);
    }

    ClientLimits(ApiLimitsConfig config, LongSupplier clock) {
        this.requests = config.requests();
        this.windowNanos = config.window().toNanos();
        this.inFlight = config.inFlight();
        this.maxInFlight = config.maxInFlight();
        this.clock = clock;
    }

    private final class Client {
        double tokens = requests;
        long refilled = clock.getAsLong();
        int running;
    }

    /** Takes a place for one request of {@code client}, or says why not. */
    Admission tryAcquire(String client) {
        if (clients.size() > SWEEP_AT) {
            sweep();
        }
        Client c = clients.computeIfAbsent(client, k -> new Client());
        synchronized (c) {
            refill(c);
            if (c.tokens < 1) {
                long wait = (long) Math.ceil((1 - c.tokens) * windowNanos / requests / 1e9);
                return refused("Too many requests from your address: at most " + requests + " per "
                        + seconds(windowNanos) + ". Try again in " + Math.max(1, wait) + " s.", Math.max(1, wait));
            }
            if (c.running >= inFlight) {
                return refused("You already have " + c.running + " requests running, the most one address may"
                        + " have at once. Wait for them to finish, then try again.", 1);
            }
            if (running.incrementAndGet() > maxInFlight) {
                running.decrementAndGet();
                return refused("The service is busy with other requests: try again in a few seconds.", 2);
            }
            c.tokens -= 1;
            c.running++;
            return new Admission(new Permit(c), null);
        }
    }

    private static Admission refused(String message, long retryAfterSeconds) {
        return new Admission(null, new Refusal(message, retryAfterSeconds));
    }

    int running() {
        return running.get();
    }

    private void refill(Client c) {
        long now = clock.getAsLong();
        c.tokens = Math.min(requests, c.tokens + (double) (now - c.refilled) * requests / windowNanos);
        c.refilled = now;
    }

    private void sweep() {
        for (Iterator<Client> it = clients.values().iterator(); it.hasNext(); ) {
            Client c = it.next();
            synchronized (c) {
                refill(c);
                if (c.running == 0 && c.tokens >= requests) {
                    it.remove();
                }
            }
        }
    }

    private static String seconds(long nanos) {
        Duration d = Duration.ofNanos(nanos);
        return d.toSeconds() + " s";
    }
}
