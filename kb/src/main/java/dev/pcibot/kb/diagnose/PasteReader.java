package dev.pcibot.kb.diagnose;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a paste as lines of bytes with bounded memory: one 64 KiB buffer and one line buffer,
 * whatever the size of the input. Lines longer than {@link #MAX_LINE_BYTES} are cut there; input
 * over {@link #MAX_BYTES} or that looks binary is rejected with a message fit for the user.
 */
final class PasteReader {
    /** The most a paste or attachment may hold. */
    static final long MAX_BYTES = 64L * 1024 * 1024;
    /**
     * Lines are cut here: no kernel or QEMU message comes near it, while the one-line JSON of {@code
     * pvesh ... --output-format json} for a large host (about 250 bytes per device) still fits.
     */
    static final int MAX_LINE_BYTES = 64 * 1024;

    private static final int CHUNK = 64 * 1024;

    /**
     * Receives each line, without its newline; the bytes are valid only during the call. {@code hit}
     * says whether the line contained a prefilter literal (found in the same pass that finds the
     * line ends, so a line without one is read exactly once).
     */
    interface LineHandler {
        void line(int number, byte[] buf, int off, int len, boolean hit);
    }

    /** What reading saw, for the notices the diagnosis shows. */
    record Stats(long bytes, int lines, int cutLines) {}

    private PasteReader() {}

    /**
     * Reads the stream through; the budget is checked at every chunk, so a stream that trickles in
     * (a slow download) is stopped at the deadline too, not only a fast one with many lines. A read
     * that blocks with no byte at all is bounded by the caller's own timeout (the download's).
     */
    static Stats read(InputStream in, LiteralPrefilter prefilter, LineHandler handler, DiagnosisBudget budget)
            throws IOException {
        byte[] cls = prefilter.classOf();
        int[] table = prefilter.table();
        int state = 0;
        boolean hit = false;
        byte[] chunk = new byte[CHUNK];
        byte[] carry = new byte[MAX_LINE_BYTES];
        int carryLen = 0;
        boolean carryCut = false;
        long total = 0;
        int lines = 0;
        int cut = 0;
        int n;
        // read, not readNBytes: readNBytes waits for a full chunk, which from a trickling stream
        // could take longer than the whole budget
        while ((n = in.read(chunk, 0, CHUNK)) >= 0) {
            if (n == 0) {
                continue;
            }
            budget.check();
            total += n;
            if (total > MAX_BYTES) {
                throw tooLarge();
            }
            if (total == n) {
                rejectBinary(chunk, n);
            }
            int start = 0;
            for (int i = 0; i < n; i++) {
                byte b = chunk[i];
                if (b != '\n') {
                    state = table[state + cls[b & 0xFF]];
                    if (state < 0) {
                        hit = true;
                        state = -1 - state;
                    }
                    continue;
                }
                lines++;
                boolean lineHit = hit;
                state = 0;
                hit = false;
                if (carryLen == 0 && !carryCut) {
                    int len = i - start;
                    if (len > MAX_LINE_BYTES) {
                        len = MAX_LINE_BYTES;
                        cut++;
                    }
                    handler.line(lines, chunk, start, len, lineHit);
                } else {
                    int take = Math.min(i - start, MAX_LINE_BYTES - carryLen);
                    System.arraycopy(chunk, start, carry, carryLen, take);
                    carryLen += take;
                    if (carryCut || take < i - start) {
                        cut++;
                    }
                    handler.line(lines, carry, 0, carryLen, lineHit);
                    carryLen = 0;
                    carryCut = false;
                }
                start = i + 1;
            }
            int take = Math.min(n - start, MAX_LINE_BYTES - carryLen);
            System.arraycopy(chunk, start, carry, carryLen, take);
            carryLen += take;
            carryCut |= take < n - start;
        }
        if (carryLen > 0 || carryCut) {
            lines++;
            if (carryCut) {
                cut++;
            }
            handler.line(lines, carry, 0, carryLen, hit);
        }
        return new Stats(total, lines, cut);
    }

    static InputRejectedException tooLarge() {
        return new InputRejectedException("The input is larger than 64 MiB, the most the diagnosis reads."
                + " Paste only the output of the commands asked for (for example"
                + " `dmesg | grep -e DMAR -e IOMMU -e AMD-Vi`), not a whole log archive.");
    }

    /** Text has no NUL bytes and few control characters; images, archives and executables do. */
    private static void rejectBinary(byte[] buf, int len) {
        int control = 0;
        for (int i = 0; i < len; i++) {
            int b = buf[i] & 0xFF;
            if (b == 0) {
                throw binary();
            }
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != 0x1B && b != '\f') {
                control++;
            }
        }
        if (control > len / 20) {
            throw binary();
        }
    }

    private static InputRejectedException binary() {
        return new InputRejectedException("This looks like a binary file (an image, archive or program),"
                + " not command output. Paste the text the command printed, or attach it as a .txt file.");
    }
}
