package dev.pcibot.kb.diagnose.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Optional;

final class CpuFlagsParserTest {
    private final CpuFlagsParser parser = new CpuFlagsParser();

    private CpuFlagsOutput sample(String name) {
        return parser.parse(Samples.read("cpu-flags/" + name));
    }

    @Test
    void readsEgrepCountAndItsObsolescenceWarning() {
        CpuFlagsOutput out = sample("egrep-count-debian12.txt");

        assertEquals(16, out.count());
        assertEquals(Optional.of(true), out.virtualizationSupported());
        assertEquals(
                List.of("egrep: warning: egrep is obsolescent; using grep -E"), out.warnings());
        assertTrue(out.technology().isEmpty()); // a count does not say which vendor
    }

    @Test
    void zeroCountMeansVirtualizationOff() {
        assertEquals(Optional.of(false), sample("egrep-count-zero.txt").virtualizationSupported());
    }

    @Test
    void readsLscpuVirtualizationLine() {
        CpuFlagsOutput out = sample("lscpu-amd.txt");

        assertEquals(Optional.of(true), out.virtualizationSupported());
        assertEquals("AMD-V", out.technology().orElseThrow());
        assertEquals("AuthenticAMD", out.lscpu().get("Vendor ID"));
        assertTrue(out.hypervisor().isEmpty());
    }

    @Test
    void lscpuWithoutVirtualizationLineInsideAGuest() {
        CpuFlagsOutput out = sample("lscpu-nested-no-vtx-crlf.txt");

        assertEquals(Optional.of(false), out.virtualizationSupported());
        assertEquals("KVM", out.hypervisor().orElseThrow());
    }

    @Test
    void countsFlagsLinesWithVmx() {
        CpuFlagsOutput out = sample("grep-flags-intel.txt");

        assertEquals(2, out.vmxLines());
        assertEquals(0, out.svmLines());
        assertEquals("VT-x", out.technology().orElseThrow());
        assertEquals(Optional.of(true), out.virtualizationSupported());
    }

    @Test
    void countsBareGrepMatches() {
        CpuFlagsOutput out = sample("grep-o-svm.txt");

        assertEquals(8, out.svmLines());
        assertEquals("AMD-V", out.technology().orElseThrow());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "flags : fpu vme sse sse2 | false",
                "flags : fpu svm sse | true",
                "flags : fpu vmxe sse | false"
            })
    void flagsLineDecidesByWholeToken(String line, boolean expected) {
        assertEquals(Optional.of(expected), parser.parse(line).virtualizationSupported());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "cat: /proc/cpuinfo: No such file", "99999999999", "-1"})
    void oddInputNeverThrowsAndDecidesNothing(String text) {
        CpuFlagsOutput out = parser.parse(text);

        assertTrue(out.virtualizationSupported().isEmpty(), text);
    }

    static List<String> samples() {
        return Samples.list("cpu-flags");
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everySampleParsesFullyAndDecides(String name) {
        CpuFlagsOutput out = parser.parse(Samples.read(name));

        assertEquals(List.of(), out.unparsed(), name);
        assertTrue(out.virtualizationSupported().isPresent(), name);
    }
}
