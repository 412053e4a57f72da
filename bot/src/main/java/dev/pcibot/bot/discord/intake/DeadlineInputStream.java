package dev.pcibot.bot.discord.intake;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A download that its deadline closes from outside: a read that fails after the deadline fired
 * says so in words fit for the user, instead of "closed". Closing first cancels the deadline.
 */
final class DeadlineInputStream extends FilterInputStream {
    private final ScheduledFuture<?> deadline;
    private final String lateMessage;
    private volatile boolean fired;

    DeadlineInputStream(InputStream in, Duration timeout, String lateMessage, ScheduledExecutorService scheduler) {
        super(in);
        this.lateMessage = lateMessage;
        this.deadline = scheduler.schedule(this::expire, timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void expire() {
        fired = true; // before closing, so the failing read sees it
        try {
            in.close();
        } catch (IOException ignored) {
            // the read that fails next reports the deadline
        }
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException e) {
            throw late(e);
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        try {
            return super.read(buffer, offset, length);
        } catch (IOException e) {
            throw late(e);
        }
    }

    @Override
    public void close() throws IOException {
        deadline.cancel(false);
        super.close();
    }

    private IOException late(IOException e) {
        return fired ? new IOException(lateMessage, e) : e;
    }
}
