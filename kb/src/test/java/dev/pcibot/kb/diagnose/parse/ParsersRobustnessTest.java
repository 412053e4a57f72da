package dev.pcibot.kb.diagnose.parse;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Property-style check of the lenient contract: seeded random mutations of every real sample (cut,
 * re-wrapped, shuffled, re-indented, CRLF, stray symbols) and random text never make a parser
 * throw, and what it does not understand stays bounded by the input.
 */
final class ParsersRobustnessTest {
    private static final List<String> ALL_DIRS =
            List.of(
                    "lspci-nnk",
                    "lspci-dev",
                    "lspci-vv",
                    "iommu-groups",
                    "pci-json",
                    "cmdline",
                    "vfio-modules",
                    "modprobe-conf",
                    "qm-config",
                    "cpu-flags",
                    "version",
                    "uname");
    private static final String SYMBOLS = ":[]{}()\"'=,;.-_/\\|│┌═╞ \t\r\n#$0123456789abcdefxX";

    static Stream<Arguments> parsers() {
        return Stream.of(
                        new LspciParser(),
                        new IommuGroupsParser(),
                        new CmdlineParser(),
                        new ModulesParser(),
                        new QmConfigParser(),
                        new CpuFlagsParser(),
                        new PveVersionParser(),
                        new UnameParser())
                .map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("parsers")
    void neverThrowsOnMutatedSamplesOrRandomText(Parser<?> parser) {
        Random random = new Random(42);
        List<String> inputs = new ArrayList<>();
        for (String dir : ALL_DIRS) {
            for (String file : Samples.list(dir)) {
                String text = Samples.read(file);
                for (int i = 0; i < 3; i++) {
                    inputs.add(mutate(text, random));
                }
            }
        }
        for (int i = 0; i < 50; i++) {
            inputs.add(randomText(random));
        }
        for (String input : inputs) {
            ParsedOutput out =
                    assertDoesNotThrow(() -> parser.parse(input), () -> "input:\n" + input);
            int lines = input.split("\r\n|\r|\n", -1).length;
            assertTrue(
                    out.unparsed().size() <= lines + 1,
                    () -> "more odd lines than input lines:\n" + input);
        }
    }

    private static String mutate(String text, Random random) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        switch (random.nextInt(6)) {
            case 0 -> { // cut off, as a chat limit does
                return text.substring(0, random.nextInt(text.length() + 1));
            }
            case 1 -> { // re-wrapped at a random width
                int width = 10 + random.nextInt(70);
                StringBuilder wrapped = new StringBuilder();
                for (int i = 0; i < text.length(); i++) {
                    wrapped.append(text.charAt(i));
                    if (i % width == width - 1) {
                        wrapped.append('\n');
                    }
                }
                return wrapped.toString();
            }
            case 2 -> java.util.Collections.shuffle(lines, random);
            case 3 ->
                    lines.replaceAll(
                            l -> random.nextBoolean() ? l.strip() : "    " + l.replace("\t", "  "));
            case 4 -> lines.replaceAll(l -> l + "\r");
            default -> {
                for (int i = 0; i < 5; i++) {
                    int at = random.nextInt(lines.size());
                    String l = lines.get(at);
                    int pos = l.isEmpty() ? 0 : random.nextInt(l.length());
                    lines.set(
                            at,
                            l.substring(0, pos)
                                    + SYMBOLS.charAt(random.nextInt(SYMBOLS.length()))
                                    + l.substring(pos));
                }
            }
        }
        return String.join("\n", lines);
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(300);
        for (int i = 0; i < length; i++) {
            text.append(
                    random.nextInt(5) == 0
                            ? (char) (32 + random.nextInt(0x2600))
                            : SYMBOLS.charAt(random.nextInt(SYMBOLS.length())));
        }
        return text.toString();
    }
}
