package dev.pcibot.kb.diagnose;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pcibot.kb.diagnose.parse.Parser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every parser, and the whole diagnosis (normalizing, splitting, line signatures, prompts, the
 * pattern table), takes time linear in its input on lines grown from real samples: runs of
 * spaces, padding, one token or line repeated. Before, an lspci header of 65 KB took 118 s and a
 * {@code uname -a} line with 65K spaces 135 s.
 */
final class ParserScalingTest {
    static Stream<Probe> probes() {
        return Stream.of(Probe.values()).filter(p -> p.parser().isPresent() && !p.isLog());
    }

    /** One probe per samples folder (the four log probes share kernel-log). */
    static Stream<Probe> allProbes() {
        return Stream.of(Probe.values()).filter(p -> !p.isLog() || p == Probe.KERNEL_LOG);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("probes")
    void everyParserIsLinearInItsInput(Probe probe) {
        Parser<?> parser = probe.parser().orElseThrow();
        assertLinear(probe, 4, parser::parse);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allProbes")
    void theWholeDiagnosisIsLinearInThePaste(Probe probe) {
        Diagnoser diagnoser = Diagnoser.withoutCitations();
        String prompt = "root@pve:~# " + probe.command() + "\n";
        assertLinear(probe, 1, text -> diagnoser.diagnose(text).parts().size());
        assertLinear(probe, 1, text -> diagnoser.diagnose(prompt + text).parts().size());
    }

    private static void assertLinear(Probe probe, int seeds, java.util.function.Function<String, ?> work) {
        List<String> slow = new ArrayList<>();
        for (String seed : HostileLines.seeds(dir(probe), seeds)) {
            for (Map.Entry<String, IntFunction<String>> input : HostileLines.grownFrom(seed).entrySet()) {
                GrowthCheck.Result r = GrowthCheck.measure(input.getKey() + " of '" + seed + "'", input.getValue(), work);
                if (!r.linear()) {
                    slow.add(r.toString());
                }
            }
        }
        assertTrue(slow.isEmpty(), probe + " is super-linear on: " + slow);
    }

    /** The samples folder of a probe: the catalogue id, with the log probes sharing kernel-log. */
    static String dir(Probe probe) {
        return switch (probe) {
            case KERNEL_IOMMU, IRQ_REMAPPING, KERNEL_LOG, VM_START_ERROR -> "kernel-log";
            case NODE_STATUS -> "uname";
            default -> probe.id();
        };
    }
}
