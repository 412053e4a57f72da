package dev.pcibot.ingest;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Whatever a user drops into the guide folder, every reader returns sections and never throws. */
final class OddInputTest {

    // Pieces of the syntaxes the readers look at, so the random documents hit their branches.
    private static final List<String> PIECES = List.of(
            "# ", "## ", "#### ", "```", "```ad-tip\n", "~~~", ":::note\n", ":::\n", "!!! note \"T\" ", "> [!NOTE]\n",
            "![[x.png]]", "←", " ←", "←-\n", "│ a │ b │\n", "┌──┬──┐\n", "╞══╪══╡\n", "| a | b |\n| - | - |\n",
            "<div>", "</div>", "<pre>", "<h2 id=\"x\">", "</h2>", "<table><tr><td>", "<some-module>", "{{Step Title}}",
            "🔧", "️", "\u200d", "update-grub", "# update-initramfs -u -k all", "options vfio-pci ids=10de:1b80",
            "echo x > y \\", "=sysfb_init", "head -20Configure GRUB", "Jump to navigation", "  • ", "\n", "\n\n", " ",
            "Title", "Table of Contents", "10.9.2 ", "\t", "\r\n", "\\", "&amp;", "<", ">", "\"", "'", "*", "_", "[", "]");

    static Stream<String> documents() {
        Random random = new Random(42);
        return IntStream.range(0, 60).mapToObj(i -> {
            StringBuilder doc = new StringBuilder();
            int parts = random.nextInt(60);
            for (int p = 0; p < parts; p++) {
                doc.append(random.nextInt(4) == 0 ? randomText(random) : PIECES.get(random.nextInt(PIECES.size())));
            }
            return doc.toString();
        });
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            text.append((char) (random.nextBoolean() ? 'a' + random.nextInt(26) : 0x20 + random.nextInt(0x3000)));
        }
        return text.toString();
    }

    @ParameterizedTest
    @MethodSource("documents")
    void everyFormatReadsAnyText(String document) {
        for (GuideFormat format : GuideFormat.values()) {
            Guide guide = new Guide("odd", "Odd", "file:///odd", Authority.COMMUNITY, format, "odd");
            List<Section> sections = assertDoesNotThrow(() -> GuideReader.sections(guide, document), format + ": " + document);
            for (Section section : sections) {
                assertFalse(section.text().isBlank() && section.commands().isEmpty(), section.id());
            }
        }
    }
}
