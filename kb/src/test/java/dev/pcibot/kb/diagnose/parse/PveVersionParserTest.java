package dev.pcibot.kb.diagnose.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

final class PveVersionParserTest {
    private final PveVersionParser parser = new PveVersionParser();

    private PveVersionOutput sample(String name) {
        return parser.parse(Samples.read("version/" + name));
    }

    @Test
    void readsShortForm() {
        PveVersionOutput out = sample("pveversion-pve8.txt");

        assertEquals("8.2.4", out.version("pve-manager").orElseThrow());
        assertEquals(8, out.pveMajor().orElseThrow());
        assertEquals("6.8.8-2-pve", out.runningKernel());
        assertEquals(List.of(6, 8, 8, 2), out.runningKernelVersion().orElseThrow().parts());
    }

    @Test
    void readsPveNine() {
        PveVersionOutput out = sample("pveversion-pve9.txt");

        assertEquals(9, out.pveMajor().orElseThrow());
        assertTrue(out.runningKernelVersion().orElseThrow().isAtLeast("6.14"));
    }

    @Test
    void readsPackagesOfVerboseForm() {
        PveVersionOutput out = sample("pveversion-v-pve8.txt");

        assertEquals("8.2.0", out.version("proxmox-ve").orElseThrow());
        assertEquals("8.2.4", out.manager().orElseThrow().raw());
        assertEquals("6.8.8-2-pve", out.runningKernel());
        assertEquals("9.0.2-1", out.pveQemuKvm().orElseThrow().raw());
        assertTrue(out.qemuServer().orElseThrow().isAtLeast("8.2"));
        assertEquals(List.of("6.5.13-5-pve", "6.8.8-2-pve"), out.installedKernels());
    }

    @Test
    void readsPveSevenNamesAndNotInstalledPackages() {
        PveVersionOutput out = sample("pveversion-v-pve7-trimmed-crlf.txt");

        assertEquals(7, out.pveMajor().orElseThrow());
        assertTrue(out.manager().orElseThrow().isAtLeast("7.4-3"));
        assertEquals("5.15.108-1-pve", out.runningKernel());
        assertEquals(List.of("5.15.108-1-pve", "5.15.74-1-pve"), out.installedKernels());
        assertEquals(List.of("glusterfs-client"), out.notInstalled());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "bash: pveversion: command not found",
                "pve-manager/",
                ":",
                "pve-manager: "
            })
    void oddInputNeverThrows(String text) {
        PveVersionOutput out = parser.parse(text);

        assertTrue(out.pveMajor().isEmpty());
        assertEquals(text.isBlank() ? 0 : 1, out.unparsed().size(), text);
    }

    static List<String> samples() {
        return Samples.list("version");
    }

    private static final Map<String, List<String>> EXPECTED_ODD =
            Map.of("version/pveversion-v-pve7-trimmed-crlf.txt", List.of("..."));

    @ParameterizedTest
    @MethodSource("samples")
    void everySampleParsesWithOnlyItsExpectedOddLines(String name) {
        PveVersionOutput out = parser.parse(Samples.read(name));

        assertTrue(out.pveMajor().isPresent(), name);
        assertEquals(EXPECTED_ODD.getOrDefault(name, List.of()), out.unparsed(), name);
    }
}
