package dev.pcibot.kb.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class LiteralPrefilterTest {
    private static final List<String> LITERALS = List.of("DMAR", "AMD-Vi", "is not viable", "t reserve", "MAR-IR", "xq", "xqz");
    private static final LiteralPrefilter FILTER = LiteralPrefilter.of(LITERALS);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[ 0.1] DMAR: IOMMU enabled | true",
        "DMA | false",
        "group 13 is not viable | true",
        "group 13 is not viabl | false",
        "BAR 3: can’t reserve [mem] | true", // curly quote before the literal
        "DMDMAR | true", // the automaton falls back correctly after a partial match
        "zzxq | true",
        "x q | false",
    })
    void findsAnyLiteralInBytesAndInText(String line, boolean expected) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        assertEquals(expected, FILTER.matches(bytes, 0, bytes.length));
        assertEquals(expected, FILTER.matches(line));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void agreesWithStringContainsOnRandomText(long seed) {
        Random random = new Random(seed);
        String alphabet = "DMARIVxqz-: tnoisvel";
        for (int n = 0; n < 2000; n++) {
            StringBuilder s = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = s.toString();
            boolean expected = LITERALS.stream().anyMatch(text::contains);
            assertEquals(expected, FILTER.matches(text), text);
            byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
            assertEquals(expected, FILTER.matches(bytes, 0, bytes.length), text);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "caf\u00e9"})
    void refusesLiteralsItCannotMatchOnBytes(String literal) {
        assertThrows(IllegalArgumentException.class, () -> LiteralPrefilter.of(List.of(literal)));
    }
}
