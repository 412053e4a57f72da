package dev.pcibot.bot.probe;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Where one output stream of a probe lands: keeps the first {@code cap} bytes, counts the rest and
 * drops it, so a node that prints too much costs a counter, not memory. Written by the SSH
 * client's I/O thread, read once the channel has closed.
 */
final class CappedOutput extends OutputStream {
    private final int cap;
    private byte[] kept = new byte[1024];
    private int size;
    private long total;

    CappedOutput(int cap) {
        this.cap = cap;
    }

    @Override
    public synchronized void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        total += len;
        int take = Math.min(len, cap - size);
        if (take <= 0) {
            return;
        }
        if (size + take > kept.length) {
            kept = Arrays.copyOf(kept, Math.min(cap, Math.max(size + take, kept.length * 2)));
        }
        System.arraycopy(b, off, kept, size, take);
        size += take;
    }

    /** Every byte received, kept or not. */
    synchronized long total() {
        return total;
    }

    synchronized boolean truncated() {
        return total > size;
    }

    /**
     * The kept bytes as text; when cut, back to the last whole line, so no half line or half
     * character. A cut single line (no newline kept) is kept up to the last whole character.
     */
    synchronized String text(boolean cutToLine) {
        int end = size;
        if (cutToLine) {
            int lastNewline = lastIndexOf((byte) '\n');
            end = lastNewline >= 0 ? lastNewline + 1 : wholeCharacters();
        }
        return new String(kept, 0, end, StandardCharsets.UTF_8);
    }

    /** The kept length without a UTF-8 sequence the cap cut short (it may drop one whole character too). */
    private int wholeCharacters() {
        if (!truncated()) {
            return size;
        }
        int end = size;
        while (end > 0 && (kept[end - 1] & 0xC0) == 0x80) {
            end--; // continuation bytes
        }
        if (end > 0 && (kept[end - 1] & 0xC0) == 0xC0) {
            end--; // the lead byte they belong to
        }
        return end;
    }

    private int lastIndexOf(byte b) {
        for (int i = size - 1; i >= 0; i--) {
            if (kept[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
