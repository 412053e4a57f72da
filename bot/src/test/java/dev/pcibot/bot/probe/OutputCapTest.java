package dev.pcibot.bot.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Both transports cut an over-long output the same way: after the last whole line, never inside a character. */
class OutputCapTest {
    private static final String LSPCI = """
            01:00.0 VGA compatible controller [0300]: NVIDIA Corporation GP104 [GeForce GTX 1070] [10de:1b81] (rev a1)
            01:00.1 Audio device [0403]: NVIDIA Corporation GP104 High Definition Audio Controller [10de:10f0] (rev a1)
            """;

    @Test
    void anOutputThatFitsIsKeptWhole() {
        OutputCap.Capped c = OutputCap.cap(LSPCI, 4096);
        assertEquals(LSPCI, c.text());
        assertFalse(c.truncated());
        assertEquals(LSPCI.getBytes(StandardCharsets.UTF_8).length, c.bytes());
    }

    @Test
    void aCutOutputEndsAfterTheLastWholeLineAndCountsTheWhole() {
        OutputCap.Capped c = OutputCap.cap(LSPCI, 150);
        assertEquals(LSPCI.lines().findFirst().orElseThrow() + "\n", c.text());
        assertTrue(c.truncated());
        assertEquals(LSPCI.getBytes(StandardCharsets.UTF_8).length, c.bytes());
    }

    @Test
    void aCutSingleLineKeepsItsWholeCharacters() {
        String json = "{\"data\":\"" + "é".repeat(100) + "\"}"; // 2 bytes a character, no newline
        OutputCap.Capped c = OutputCap.cap(json, 20);
        assertEquals("{\"data\":\"" + "é".repeat(5), c.text()); // 9 + 11 bytes: the half 6th é is dropped
        assertTrue(c.truncated());
        assertFalse(c.text().contains("\uFFFD"));
    }

    @Test
    void theSshStreamCutsTheSameWay() {
        CappedOutput out = new CappedOutput(150);
        byte[] bytes = LSPCI.getBytes(StandardCharsets.UTF_8);
        out.write(bytes, 0, 40);
        out.write(bytes, 40, bytes.length - 40);
        assertEquals(OutputCap.cap(LSPCI, 150).text(), out.text(true));
        assertEquals(bytes.length, out.total());
    }
}
