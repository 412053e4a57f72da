package dev.pcibot.kb.diagnose.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

final class UnameParserTest {
    private final UnameParser parser = new UnameParser();

    private UnameOutput sample(String name) {
        return parser.parse(Samples.read("uname/" + name));
    }

    @Test
    void readsReleaseOfUnameR() {
        UnameOutput out = sample("r-pve8.txt");

        assertEquals("6.8.12-4-pve", out.release());
        assertEquals(List.of(6, 8, 12, 4), out.version().orElseThrow().parts());
        assertEquals("pve", out.flavour().orElseThrow());
        assertTrue(out.proxmoxKernel());
        assertNull(out.hostname());
    }

    @Test
    void readsAllFieldsOfUnameA() {
        UnameOutput out = sample("a-pve9.txt");

        assertEquals("pve9", out.hostname());
        assertEquals("6.14.8-2-pve", out.release());
        assertEquals("#1 SMP PREEMPT_DYNAMIC PMX 6.14.8-2 (2025-07-22T10:04Z)", out.build());
        assertEquals("x86_64", out.machine());
        assertTrue(out.version().orElseThrow().isAtLeast("6.8"));
    }

    @Test
    void comparesKernelsNumerically() {
        UnameOutput pve7 = sample("a-pve7.txt");
        UnameOutput pve8 = sample("r-pve8.txt");

        assertTrue(pve7.version().orElseThrow().compareTo(pve8.version().orElseThrow()) < 0);
        assertFalse(pve7.version().orElseThrow().isAtLeast("6.2"));
    }

    @Test
    void gluesUnameAWrappedByTheTerminal() {
        UnameOutput out = sample("a-wrapped-crlf.txt");

        assertEquals("6.5.13-6-pve", out.release());
        assertEquals("x86_64", out.machine());
        assertEquals(List.of(), out.unparsed());
    }

    @Test
    void tellsStockDebianKernelFromProxmoxKernel() {
        UnameOutput out = sample("r-debian-stock.txt");

        assertFalse(out.proxmoxKernel());
        assertEquals("amd64", out.flavour().orElseThrow());
    }

    @ParameterizedTest
    @CsvSource({
        "6.8.12-4, 6.8.8-2, 1",
        "6.8, 6.8.0, 0",
        "5.15.158-1, 6.2.16-3, -1",
        "7.4-16, 7.4-4, 1"
    })
    void versionNumbersCompareByNumbers(String a, String b, int sign) {
        assertEquals(sign, Integer.signum(VersionNumber.of(a).compareTo(VersionNumber.of(b))));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "uname: extra operand",
                "Linux",
                "6",
                "Darwin mac 23.1.0 Darwin Kernel Version 23.1.0"
            })
    void oddInputNeverThrows(String text) {
        UnameOutput out = parser.parse(text);

        assertNull(out.release());
        assertTrue(out.version().isEmpty());
        assertEquals(text.isEmpty() ? 0 : 1, out.unparsed().size());
    }

    static List<String> samples() {
        return Samples.list("uname");
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everySampleParsesFully(String name) {
        UnameOutput out = parser.parse(Samples.read(name));

        assertTrue(out.release() != null, name);
        assertEquals(List.of(), out.unparsed(), name);
    }
}
