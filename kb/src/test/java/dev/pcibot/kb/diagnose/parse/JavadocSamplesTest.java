package dev.pcibot.kb.diagnose.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Each parser's Javadoc sample is real: every line of its {@code <pre>} block occurs in one of its
 * sample files, and the parser reads the block with nothing left over (insights-core's doctests).
 */
final class JavadocSamplesTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/pcibot/kb/diagnose/parse");

    static Stream<Arguments> parsers() {
        return Stream.of(
                Arguments.of(new LspciParser(), List.of("lspci-nnk", "lspci-dev", "lspci-vv")),
                Arguments.of(new IommuGroupsParser(), List.of("iommu-groups", "pci-json")),
                Arguments.of(new CmdlineParser(), List.of("cmdline")),
                Arguments.of(new ModulesParser(), List.of("vfio-modules", "modprobe-conf")),
                Arguments.of(new QmConfigParser(), List.of("qm-config")),
                Arguments.of(new CpuFlagsParser(), List.of("cpu-flags")),
                Arguments.of(new PveVersionParser(), List.of("version")),
                Arguments.of(new UnameParser(), List.of("uname")));
    }

    @ParameterizedTest
    @MethodSource("parsers")
    void javadocSampleComesFromTheSamplesAndParsesFully(Parser<?> parser, List<String> dirs)
            throws IOException {
        // given
        List<String> pre = preBlock(parser.getClass().getSimpleName());
        List<String> sampleLines =
                dirs.stream()
                        .flatMap(d -> Samples.list(d).stream())
                        .flatMap(f -> TextLines.of(Samples.read(f)).stream())
                        .map(JavadocSamplesTest::squeeze)
                        .toList();

        // when
        ParsedOutput out = parser.parse(String.join("\n", pre));

        // then
        assertFalse(pre.isEmpty());
        for (String line : pre) {
            assertTrue(sampleLines.contains(squeeze(line)), "not in any sample: " + line);
        }
        assertEquals(List.of(), out.unparsed());
    }

    private static List<String> preBlock(String className) throws IOException {
        List<String> lines = Files.readAllLines(SOURCES.resolve(className + ".java"));
        List<String> block = new ArrayList<>();
        boolean in = false;
        for (String line : lines) {
            String text = line.strip().replaceFirst("^\\* ?", "");
            if (text.equals("<pre>")) {
                in = true;
            } else if (text.equals("</pre>")) {
                return block;
            } else if (in) {
                block.add(text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"));
            }
        }
        return block;
    }

    private static String squeeze(String line) {
        return line.strip().replaceAll("\\s+", " ");
    }
}
