package dev.pcibot.kb.diagnose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** UTF-16 in (with or without a byte-order mark) reads as the same text in UTF-8; anything else passes untouched. */
final class Utf16InputTest {
    // past one 8192-char read, with a surrogate pair (an emoji) and non-ASCII letters in it
    private static final String TEXT = "[    0.0] DMAR: IOMMU enabled \u00e9\u00df \uD83D\uDC27\n".repeat(300);

    private static byte[] read(byte[] bytes) throws IOException {
        try (InputStream in = Utf16Input.decoded(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }

    @ParameterizedTest
    @CsvSource({"UTF-16LE, true", "UTF-16BE, true", "UTF-16LE, false", "UTF-16BE, false"})
    void utf16ReadsAsUtf8(String charsetName, boolean bom) throws IOException {
        Charset charset = Charset.forName(charsetName);
        byte[] body = TEXT.getBytes(charset);
        byte[] mark = charsetName.endsWith("LE") ? new byte[] {(byte) 0xFF, (byte) 0xFE} : new byte[] {(byte) 0xFE, (byte) 0xFF};
        byte[] in = bom ? concat(mark, body) : body;
        assertEquals(TEXT, new String(read(in), StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource({"plain", "nul"})
    void otherInputIsUntouched(String kind) throws IOException {
        byte[] in = kind.equals("plain") ? TEXT.getBytes(StandardCharsets.UTF_8)
                : "[    0.0] DMAR\0\0 IOMMU enabled, a stray NUL or two\n".repeat(20).getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(in, read(in));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
