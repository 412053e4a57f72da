package dev.pcibot.kb.diagnose;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Reads UTF-16 input as the UTF-8 the diagnosis expects. Windows writes UTF-16 where Linux writes
 * UTF-8: PowerShell 5's {@code ssh root@pve dmesg > dmesg.txt} saves UTF-16 LE with a byte-order
 * mark, and such a file, read as UTF-8, has a NUL in every other byte and was refused as binary.
 * Recognised by its byte-order mark, or without one by NULs in every other byte of the first
 * {@value #SNIFF} bytes (ASCII text in UTF-16; real binary files have NULs at random places).
 * The diagnosis applies it to every stream; public for callers that read text themselves (Discord
 * attachments).
 */
public final class Utf16Input {
    static final int SNIFF = 512;

    private Utf16Input() {}

    /** {@code in} itself (with nothing consumed) unless it is UTF-16, else a UTF-8 view of it. */
    public static InputStream decoded(InputStream in) throws IOException {
        PushbackInputStream head = new PushbackInputStream(in, SNIFF);
        byte[] sniff = new byte[SNIFF];
        int n = 0;
        int r;
        while (n < SNIFF && (r = head.read(sniff, n, SNIFF - n)) > 0) {
            n += r;
        }
        Charset charset = charsetOf(sniff, n);
        int skip = charset != null && hasBom(sniff, n) ? 2 : 0;
        head.unread(sniff, skip, n - skip);
        return charset == null ? head : new Transcoding(new InputStreamReader(head, charset));
    }

    private static boolean hasBom(byte[] b, int n) {
        return n >= 2 && ((b[0] == (byte) 0xFF && b[1] == (byte) 0xFE) || (b[0] == (byte) 0xFE && b[1] == (byte) 0xFF));
    }

    static @Nullable Charset charsetOf(byte[] b, int n) {
        if (hasBom(b, n)) {
            return b[0] == (byte) 0xFF ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
        }
        int pairs = n / 2;
        if (pairs < 8) {
            return null;
        }
        int evenNul = 0;
        int oddNul = 0;
        for (int i = 0; i + 1 < n; i += 2) {
            evenNul += b[i] == 0 ? 1 : 0;
            oddNul += b[i + 1] == 0 ? 1 : 0;
        }
        // ASCII text in UTF-16: (nearly) every high byte NUL, (nearly) no low byte NUL
        if (oddNul >= pairs * 9 / 10 && evenNul <= pairs / 20) {
            return StandardCharsets.UTF_16LE;
        }
        if (evenNul >= pairs * 9 / 10 && oddNul <= pairs / 20) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    /** Characters from a reader, out as UTF-8 bytes; a surrogate pair split by a read is kept whole. */
    private static final class Transcoding extends InputStream {
        private final Reader reader;
        private final char[] chars = new char[8192];
        private int carried; // a high surrogate held back from the previous read (0 or 1 chars)
        private byte[] bytes = new byte[0];
        private int pos;
        private boolean done;

        Transcoding(Reader reader) {
            this.reader = reader;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (pos >= bytes.length) {
                if (done) {
                    return -1;
                }
                fill();
            }
            int n = Math.min(len, bytes.length - pos);
            System.arraycopy(bytes, pos, b, off, n);
            pos += n;
            return n;
        }

        private void fill() throws IOException {
            int n = reader.read(chars, carried, chars.length - carried);
            int end = carried + Math.max(n, 0);
            if (n < 0) {
                done = true;
            }
            int keep = !done && end > 0 && Character.isHighSurrogate(chars[end - 1]) ? 1 : 0;
            bytes = new String(chars, 0, end - keep).getBytes(StandardCharsets.UTF_8);
            pos = 0;
            if (keep == 1) {
                chars[0] = chars[end - 1];
            }
            carried = keep;
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}
