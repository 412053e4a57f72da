package dev.pcibot.bot.discord.command;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes a stream through while keeping a copy of every byte read: the diagnosis reads an
 * attachment once, as a stream, and "Walk me through it" needs the same text later. The stream it
 * wraps bounds the size (the attachment limit).
 */
final class CopyingInputStream extends FilterInputStream {
    private final ByteArrayOutputStream copy;

    CopyingInputStream(InputStream in, ByteArrayOutputStream copy) {
        super(in);
        this.copy = copy;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            copy.write(b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            copy.write(buffer, offset, n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // read what is skipped, so the copy stays the whole text
        long skipped = 0;
        byte[] buffer = new byte[8192];
        while (skipped < n) {
            int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false; // a reset would copy the re-read bytes twice
    }
}
