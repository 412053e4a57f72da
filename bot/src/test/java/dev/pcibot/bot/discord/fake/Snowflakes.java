package dev.pcibot.bot.discord.fake;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Discord ids: milliseconds since 2015-01-01 in the top 42 bits. JDA reads an interaction's creation
 * time (and so its 15-minute token expiry) from the id, so ids must carry the real current time.
 */
public final class Snowflakes {
    static final long DISCORD_EPOCH_MILLIS = 1420070400000L;
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private Snowflakes() {}

    /** A fresh id created now. */
    public static long next() {
        return at(System.currentTimeMillis());
    }

    /** A fresh id created at {@code epochMillis} (backdate it to test token expiry). */
    public static long at(long epochMillis) {
        // 22 low bits: worker, process and increment; a global counter keeps ids unique within one millisecond
        return ((epochMillis - DISCORD_EPOCH_MILLIS) << 22) | (SEQUENCE.incrementAndGet() & 0x3FFFFF);
    }

    /** When the id was created, in epoch milliseconds. */
    public static long createdAt(long id) {
        return (id >>> 22) + DISCORD_EPOCH_MILLIS;
    }
}
