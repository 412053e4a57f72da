package dev.pcibot.bot.discord.intake;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Stops with an {@link IOException} carrying a user-fit message once more than N bytes were read. */
final class LimitedInputStream extends FilterInputStream {
    private final long limit;
    private final String message;
    private long read;

    LimitedInputStream(InputStream in, long limit, String message) {
        super(in);
        this.limit = limit;
        this.message = message;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    private void count(long n) throws IOException {
        read += n;
        if (read > limit) {
            throw new IOException(message);
        }
    }
}
