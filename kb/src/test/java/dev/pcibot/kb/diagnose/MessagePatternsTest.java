package dev.pcibot.kb.diagnose;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** The message pattern table (content/diagnose/patterns.tsv) as data: loads, and cannot lie. */
final class MessagePatternsTest {
    private static final List<MessagePattern> TABLE = MessagePatterns.load();

    @Test
    void everyFindingRowHasItsUserText() {
        FindingTexts texts = new FindingTexts();
        for (MessagePattern p : TABLE) {
            if (!p.isFact()) {
                assertTrue(texts.get(p.name()).isPresent(), "no content/findings/" + p.name() + ".md for " + p.regex());
            }
        }
    }

    /**
     * The literal is the prefilter: a line without it never reaches the regex. So every match of the
     * regex must contain the literal, which holds when the literal is spelled out in the regex.
     */
    @Test
    void everyLiteralIsSpelledOutInItsRegex() {
        for (MessagePattern p : TABLE) {
            String regex = p.regex().pattern().replace("\\", "");
            boolean caseless = regex.startsWith("(?i)");
            String haystack = caseless ? regex.toLowerCase(Locale.ROOT) : regex;
            String needle = caseless ? p.literal().toLowerCase(Locale.ROOT) : p.literal();
            assertTrue(haystack.contains(needle), p.target() + ": literal '" + p.literal() + "' not in " + p.regex());
        }
    }

    @Test
    void aBrokenRowFailsLoudlyWithItsLineNumber() {
        Executable badRegex = () -> MessagePatterns.parse(new BufferedReader(new StringReader("# c\nx\tlit\t(unclosed\n")));
        IllegalStateException e = assertThrows(IllegalStateException.class, badRegex);
        assertTrue(e.getMessage().contains(":2:"), e.getMessage());
        Executable badProbe = () -> MessagePatterns.parse(new BufferedReader(new StringReader("x\tlit\tlit\task=nope\n")));
        assertThrows(IllegalStateException.class, badProbe);
    }

    @Test
    void benignLinesMatchNoFindingRow() {
        List<String> benign = List.of(
                "vfio-pci 0000:01:00.0: ready 1023ms after FLR",
                "vfio-pci 0000:01:00.0: vfio_ecap_init: hiding ecap 0x19@0x900",
                "ACPI: DMAR 0x0000000079C3E000 000088 (v02 INTEL  EDK2     00000002      01000013)",
                "x2apic: IRQ remapping doesn't support X2APIC mode",
                "pci 0000:00:1f.5: BAR 0 [mem 0xfe010000-0xfe010fff]: can't claim; no compatible bridge window",
                "vfio-pci 0000:03:00.0: AMD_POLARIS10: reset result = 0");
        for (String line : benign) {
            for (MessagePattern p : TABLE) {
                assertFalse(!p.isFact() && p.match(line) != null, p.target() + " matched benign line: " + line);
            }
        }
    }
}
