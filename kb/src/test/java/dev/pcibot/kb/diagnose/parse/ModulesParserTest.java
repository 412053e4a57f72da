package dev.pcibot.kb.diagnose.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pcibot.kb.diagnose.parse.ModprobeDirective.Kind;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

final class ModulesParserTest {
    private final ModulesParser parser = new ModulesParser();

    private ModulesOutput sample(String name) {
        return parser.parse(Samples.read(name));
    }

    @Test
    void readsLsmodLinesWithUsers() {
        ModulesOutput out = sample("vfio-modules/pve8-kernel-6.8-loaded.txt");
        LoadedModule vfio = out.loadedModule("vfio").orElseThrow();

        assertEquals(6, out.loaded().size());
        assertEquals(69632, vfio.size());
        assertEquals(3, vfio.useCount());
        assertEquals(List.of("vfio_pci_core", "vfio_iommu_type1", "vfio_pci"), vfio.usedBy());
        assertTrue(out.isLoaded("vfio-pci")); // dash and underscore alike
        assertTrue(out.isLoaded("vfio_iommu_type1"));
        assertFalse(out.isLoaded("vfio_virqfd"));
    }

    @Test
    void oldKernelsLoadVfioVirqfd() {
        ModulesOutput out = sample("vfio-modules/pve7-kernel-5.15-virqfd.txt");

        assertTrue(out.isLoaded("vfio_virqfd"));
        assertFalse(out.isLoaded("vfio_pci_core"));
    }

    @Test
    void showsMissingVfioPci() {
        ModulesOutput out = sample("vfio-modules/vfio-pci-missing.txt");

        assertFalse(out.isLoaded("vfio_pci"));
        assertTrue(out.isLoaded("vfio"));
    }

    @Test
    void readsSqueezedColumnsAndSkipsLsmodHeader() {
        ModulesOutput out = sample("vfio-modules/header-squeezed-crlf.txt");

        assertEquals(6, out.loaded().size());
        assertEquals(2, out.loadedModule("vfio_pci").orElseThrow().useCount());
        assertTrue(out.bootModules().isEmpty());
    }

    @Test
    void readsOptionsBlacklistsAndSoftdepsAcrossFiles() {
        ModulesOutput out = sample("modprobe-conf/healthy-tail-headers.txt");

        assertEquals(List.of("10de:1b80", "10de:10f0"), out.vfioPciIds());
        assertEquals("1", out.option("vfio_pci", "disable_vga").orElseThrow());
        assertEquals(Map.of("ignore_msrs", "1", "report_ignored_msrs", "0"), out.options("kvm"));
        assertTrue(out.isBlacklisted("nouveau"));
        assertFalse(out.isBlacklisted("amdgpu"));
        assertEquals(List.of("vfio-pci"), out.softdepPre("nouveau"));
        assertEquals(List.of("vfio-pci"), out.softdepPre("snd-hda-intel"));
        assertEquals(4, out.files().size());
        assertEquals("/etc/modprobe.d/vfio.conf", out.directives(Kind.OPTIONS).get(1).file());
    }

    @Test
    void readsCatPromptsUnsafeInterruptsAndLiteralWildcard() {
        ModulesOutput out = sample("modprobe-conf/problems-cat-prompts.txt");

        assertEquals("1", out.option("vfio_iommu_type1", "allow_unsafe_interrupts").orElseThrow());
        assertEquals(
                "/etc/modprobe.d/iommu_unsafe_interrupts.conf",
                out.directives(Kind.OPTIONS).get(0).file());
        // "blacklist nvidia*" is literal to modprobe: it blacklists nothing
        assertFalse(out.isBlacklisted("nvidia"));
        assertTrue(
                out.directives(Kind.BLACKLIST).stream()
                        .anyMatch(d -> d.module().equals("nvidia*")));
        // two options lines for the same module merge; "options vfio ids=" is about another module
        assertEquals(
                Map.of("ids", "1002:67df,1002:aaf0", "disable_vga", "1"), out.options("vfio-pci"));
        assertEquals("1002:67df", out.option("vfio", "ids").orElseThrow());
        assertEquals("/bin/false", out.directives(Kind.INSTALL).get(0).args());
        assertEquals("vfio-pci", out.directives(Kind.ALIAS).get(0).args());
    }

    @Test
    void readsEtcModules() {
        ModulesOutput out = sample("modprobe-conf/etc-modules-pve7.txt");

        assertEquals(
                List.of("vfio", "vfio_iommu_type1", "vfio_pci", "vfio_virqfd"),
                out.bootModules().stream().map(BootModule::name).toList());
        assertTrue(out.loadsAtBoot("vfio-pci"));
        assertTrue(out.directives().isEmpty());
    }

    @Test
    void readsGrepPrefixesAndContinuations() {
        ModulesOutput out = sample("modprobe-conf/grep-r-crlf.txt");

        assertEquals(List.of("8086:1572", "8086:1572"), out.vfioPciIds());
        assertEquals("/etc/modprobe.d/vfio.conf", out.directives(Kind.OPTIONS).get(0).file());
        assertEquals("8589934592", out.option("zfs", "zfs_arc_max").orElseThrow());
        assertTrue(out.loadsAtBoot("vfio_iommu_type1"));
        assertEquals("/etc/modules", out.bootModules().get(0).file());
        assertTrue(out.isBlacklisted("microcode"));
    }

    @Test
    void aBareWordInAModprobeFileIsNotUnderstood() {
        ModulesOutput out =
                parser.parse("==> /etc/modprobe.d/vfio.conf <==\nvfio-pci ids=10de:1b80\n");

        assertEquals(List.of("vfio-pci ids=10de:1b80"), out.unparsed());
        assertTrue(out.bootModules().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\\", "Operation not permitted", "options", "==> <==", "vfio 12 x"})
    void oddInputNeverThrows(String text) {
        ModulesOutput out = parser.parse(text);

        assertTrue(out.loaded().isEmpty());
        assertEquals(text.isBlank() || text.equals("\\") ? 0 : 1, out.unparsed().size(), text);
    }

    static Stream<String> samples() {
        return Stream.of("vfio-modules", "modprobe-conf").flatMap(d -> Samples.list(d).stream());
    }

    private static final Map<String, List<String>> EXPECTED_ODD =
            Map.of(
                    "modprobe-conf/grep-r-crlf.txt",
                    List.of("grep: /etc/modprobe.d/broken.conf: Permission denied"));

    @ParameterizedTest
    @MethodSource("samples")
    void everySampleParsesWithOnlyItsExpectedOddLines(String name) {
        ModulesOutput out = sample(name);

        assertFalse(
                out.loaded().isEmpty() && out.directives().isEmpty() && out.bootModules().isEmpty(),
                name);
        assertEquals(EXPECTED_ODD.getOrDefault(name, List.of()), out.unparsed(), name);
    }
}
