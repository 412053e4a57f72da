package dev.pcibot.bot.badinput;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The one table of bad input every door is tested with: each row is an input and what it must
 * get, once typed as a question (search box, {@code /ask}, {@code search}) and once pasted for a
 * diagnosis (paste box, {@code /diagnose}, {@code diagnose FILE}). Add a row here and every door's
 * test tries it.
 *
 * <p>A row's input exists twice: as {@link Row#bytes()} (what a file, a body or standard input
 * carries: may be any bytes) and as {@link Row#text()} (what a text field carries: a Java string,
 * which may hold lone surrogates that no UTF-8 byte sequence can). Pastes are built on a real kernel
 * log ({@link #BASE}, from test resources http/bar-reserve.txt) so a row that must be read
 * despite its damage can be checked for that log's finding.
 */
final class BadInputs {
    /** The finding {@link #BASE} gives when it is read. */
    static final String BASE_FINDING = "bar-reserve-conflict-efifb";
    /** A question that answers; unicode tricks around it must answer the same. */
    static final String CLEAN_QUESTION = "intel_iommu=on";
    static final String BASE = resource("/http/bar-reserve.txt");
    static final int MEGABYTE = 1024 * 1024;

    /** What a door must answer a row with. */
    enum Outcome {
        /** Searched or diagnosed: a 200, exit 0, a normal reply. */
        ANSWERED,
        /** Refused with a message (a 4xx, exit 2, a notice) that contains {@link Expect#says()}. */
        REFUSED,
        /** The row is not this kind of input (a paste over the limit is no question). */
        NOT_APPLICABLE
    }

    /**
     * @param says for a refusal, words the message must contain (what happened); for an answered
     *     question, the clean question it must answer like (same first section), or empty for any
     *     answer; for an answered paste, the finding it must find, or empty for any diagnosis
     */
    record Expect(Outcome outcome, String says) {
        static Expect answered() {
            return new Expect(Outcome.ANSWERED, "");
        }

        static Expect answeredLike(String cleanQuestion) {
            return new Expect(Outcome.ANSWERED, cleanQuestion);
        }

        static Expect finds(String findingId) {
            return new Expect(Outcome.ANSWERED, findingId);
        }

        static Expect refused(String says) {
            return new Expect(Outcome.REFUSED, says);
        }

        static Expect notApplicable() {
            return new Expect(Outcome.NOT_APPLICABLE, "");
        }
    }

    /**
     * One bad input.
     *
     * @param overLimit the row is "larger than this door's limit": each door builds it for its own
     *     limit (and streams it, so the test never holds it whole); its inputs are then empty
     */
    record Row(String name, Input question, Input paste, Expect asQuestion, Expect asPaste, boolean overLimit) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** An input as bytes (a file, a body, a URL's percent-escapes) and as a text field's string. */
    record Input(byte[] bytes, String text) {
        static Input of(String text) {
            return new Input(text.getBytes(StandardCharsets.UTF_8), text);
        }

        static Input of(byte[] bytes) {
            return new Input(bytes, new String(bytes, StandardCharsets.UTF_8));
        }
    }

    // What the doors say, shared so a reworded message is changed in one place.
    static final String EMPTY_QUESTION = "empty";
    static final String NO_WORDS = "no words or numbers";
    static final String TOO_LONG = "too long";
    static final String NOTHING_TO_DIAGNOSE = "nothing to diagnose";
    static final String BINARY = "binary";

    private BadInputs() {}

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        rows.add(text("empty", "", Expect.refused(EMPTY_QUESTION), Expect.refused(NOTHING_TO_DIAGNOSE)));
        rows.add(text("whitespace only", " \t \r\n \u00A0\u2003\n", Expect.refused(EMPTY_QUESTION),
                Expect.refused(NOTHING_TO_DIAGNOSE)));
        rows.add(bytes("PNG header", png(), Expect.answered(), Expect.refused(BINARY)));
        rows.add(bytes("ELF header", elf(), Expect.answered(), Expect.refused(BINARY)));
        rows.add(bytes("invalid UTF-8", concat(BASE.getBytes(StandardCharsets.UTF_8),
                new byte[] {'x', (byte) 0xC3, '(', (byte) 0xFF, (byte) 0xFE, (byte) 0x80, '\n'}),
                Expect.answered(), Expect.finds(BASE_FINDING)));
        rows.add(utf16("UTF-16 LE with BOM", StandardCharsets.UTF_16LE, true));
        rows.add(utf16("UTF-16 BE with BOM", StandardCharsets.UTF_16BE, true));
        rows.add(utf16("UTF-16 LE without BOM", StandardCharsets.UTF_16LE, false));
        rows.add(utf16("UTF-16 BE without BOM", StandardCharsets.UTF_16BE, false));
        rows.add(text("NUL bytes inside text", BASE.replace("BAR 3", "BAR\0\0 3"), Expect.answered(),
                Expect.refused(BINARY)));
        rows.add(text("a 1 MB single line", BASE + "[  119.000000] " + "x".repeat(MEGABYTE) + "\n",
                Expect.refused(TOO_LONG), Expect.finds(BASE_FINDING)));
        rows.add(new Row("a paste over the limit", Input.of(""), Input.of(""), Expect.notApplicable(),
                Expect.refused("limit"), true));
        rows.add(text("Lucene syntax: field, AND, open group", "title:foo AND (bar OR", Expect.answered(),
                Expect.answered()));
        rows.add(text("Lucene syntax: *:*", "*:*", Expect.refused(NO_WORDS), Expect.answered()));
        rows.add(text("Lucene syntax: fuzzy ~2", "iommu~2", Expect.answered(), Expect.answered()));
        rows.add(text("Lucene syntax: lone backslash", "\\", Expect.refused(NO_WORDS), Expect.answered()));
        rows.add(text("regex: (a+)+$", "(a+)+$ " + "a".repeat(40) + "!", Expect.answered(), Expect.answered()));
        rows.add(text("regex: [", "[", Expect.refused(NO_WORDS), Expect.answered()));
        rows.add(trick("bidi override U+202E", "\u202Eintel_iommu=on\u202C", Expect.answeredLike(CLEAN_QUESTION)));
        rows.add(trick("zero-width joiners", "intel\u200D_iommu\u200B=on\uFEFF", Expect.answeredLike(CLEAN_QUESTION)));
        rows.add(trick("combining marks stack", "intel_iommu=on " + "e" + "\u0301\u0302\u0303\u0308".repeat(50), Expect.answeredLike(CLEAN_QUESTION)));
        String lone = "\uD800intel_iommu=on\uDC00";
        rows.add(new Row("lone surrogates", new Input(wtf8(lone), lone), new Input(wtf8(BASE + lone + "\n"), BASE + lone + "\n"),
                Expect.answered(), Expect.finds(BASE_FINDING), false));
        rows.add(trick("fullwidth letters", "\uFF49\uFF4E\uFF54\uFF45\uFF4C\uFF3F\uFF49\uFF4F\uFF4D\uFF4D\uFF55\uFF1D\uFF4F\uFF4E", Expect.answeredLike(CLEAN_QUESTION)));
        rows.add(trick("homoglyph letters (Cyrillic)", "\u0456ntel_\u0456\u043Emmu=\u043En", Expect.answered()));
        rows.add(trick("emoji", "\uD83D\uDC27 intel_iommu=on \uD83D\uDCA5\u200D\uD83D\uDD25", Expect.answeredLike(CLEAN_QUESTION)));
        return List.copyOf(rows);
    }

    /** The rows that are questions at all. */
    static Stream<Arguments> questions() {
        return rows().stream().filter(r -> r.asQuestion().outcome() != Outcome.NOT_APPLICABLE).map(Arguments::of);
    }

    /** Every row, as a paste (the over-limit row too: each door builds it for its own limit). */
    static Stream<Arguments> pastes() {
        return rows().stream().map(Arguments::of);
    }

    /**
     * A stream of log lines, {@code size} bytes, made as it is read (never held whole), counting
     * what was taken: a door that refuses it early must not have read it through.
     */
    static final class OverLimitStream extends InputStream {
        private static final byte[] LINE = "[    1.234567] pci 0000:00:1f.0: an ordinary boot line\n"
                .getBytes(StandardCharsets.US_ASCII);
        private final long size;
        private long read;

        OverLimitStream(long size) {
            this.size = size;
        }

        long bytesRead() {
            return read;
        }

        @Override
        public int read() {
            return read >= size ? -1 : LINE[(int) (read++ % LINE.length)];
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (read >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - read);
            for (int i = 0; i < n; i++) {
                b[off + i] = LINE[(int) ((read + i) % LINE.length)];
            }
            read += n;
            return n;
        }
    }

    private static Row text(String name, String text, Expect question, Expect paste) {
        return new Row(name, Input.of(text), Input.of(text), question, paste, false);
    }

    private static Row bytes(String name, byte[] bytes, Expect question, Expect paste) {
        return new Row(name, Input.of(bytes), Input.of(bytes), question, paste, false);
    }

    private static Row utf16(String name, Charset charset, boolean bom) {
        byte[] body = BASE.getBytes(charset);
        byte[] mark = !bom ? new byte[0] : charset == StandardCharsets.UTF_16LE
                ? new byte[] {(byte) 0xFF, (byte) 0xFE} : new byte[] {(byte) 0xFE, (byte) 0xFF};
        // a text field holds what was decoded from such a file (Notepad, a browser): the text itself
        Input input = new Input(concat(mark, body), BASE);
        return new Row(name, input, input, Expect.answered(), Expect.finds(BASE_FINDING), false);
    }

    /**
     * A unicode trick: asked as it is, and pasted as a line after the base log, so "read despite
     * the trick" is checked by the base's finding.
     */
    private static Row trick(String name, String text, Expect question) {
        return new Row(name, Input.of(text), Input.of(BASE + text + "\n"), question, Expect.finds(BASE_FINDING), false);
    }

    /** Lone surrogates as a lax encoder writes them (ED A0 80: not valid UTF-8). */
    private static byte[] wtf8(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (char c : s.toCharArray()) {
            if (Character.isSurrogate(c)) {
                out.write(0xE0 | (c >> 12));
                out.write(0x80 | ((c >> 6) & 0x3F));
                out.write(0x80 | (c & 0x3F));
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    private static byte[] png() {
        byte[] head = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R',
            0, 0, 0x01, 0, 0, 0, 0x01, 0, 0x08, 0x06, 0, 0, 0};
        return concat(head, new byte[512]);
    }

    private static byte[] elf() {
        byte[] head = {0x7F, 'E', 'L', 'F', 0x02, 0x01, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0, 0x3E, 0};
        return concat(head, new byte[512]);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String resource(String path) {
        try (InputStream in = BadInputs.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
