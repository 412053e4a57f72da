package dev.pcibot.kb.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.pcibot.kb.diagnose.Diagnoser;
import dev.pcibot.kb.diagnose.Diagnosis;
import dev.pcibot.kb.diagnose.Finding;
import dev.pcibot.kb.diagnose.InputRejectedException;
import dev.pcibot.kb.diagnose.NextStep;
import dev.pcibot.kb.diagnose.Probe;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;

/**
 * The whole diagnosis of a paste of several command outputs, each under its shell prompt, as users
 * paste them: the input is split at byte {@code 0x01}, and each piece after one starts with the
 * prompt of the probe its first byte picks ({@code root@pve:~# lspci -nnk}), so the fuzzer mixes
 * outputs and reaches the rules that reason across them (cmdline against dmesg, modprobe.d against
 * the driver in use, groups against qm config). Contract: findings (at least {@code none} or
 * {@code insufficient-info}) with evidence bounded per finding, next steps naming catalogue
 * probes, and output bounded by the input.
 */
final class DiagnosisFuzzTest {
    private static final Diagnoser DIAGNOSER = Diagnoser.withoutCitations();
    private static final Set<String> PROBES = Stream.of(Probe.values()).map(Probe::id).collect(Collectors.toSet());

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void multiPartPaste(byte[] data) {
        String paste = withPrompts(new String(data, StandardCharsets.UTF_8));
        try {
            Diagnosis d = DIAGNOSER.diagnose(paste);
            assertFalse(d.findings().isEmpty(), "a diagnosis always has a finding, none or insufficient-info at least");
            for (Finding f : d.findings()) {
                assertFalse(f.title().isBlank(), f.id());
                assertTrue(f.evidence().size() <= 10, f.id() + " quotes " + f.evidence().size() + " lines");
            }
            for (NextStep step : d.nextSteps()) {
                assertTrue(PROBES.contains(step.probe()), step.probe());
            }
            FuzzContract.bounded("diagnosis", paste.length(), d.toString().length());
        } catch (InputRejectedException refused) {
            FuzzContract.readableRefusal(refused);
        }
    }

    /** Each piece after a {@code \u0001} gets the prompt of the probe its first character picks. */
    static String withPrompts(String text) {
        String[] pieces = text.split("\u0001", -1);
        StringBuilder paste = new StringBuilder(pieces[0]);
        Probe[] probes = Probe.values();
        for (int i = 1; i < pieces.length; i++) {
            String piece = pieces[i];
            if (piece.isEmpty()) {
                continue;
            }
            Probe probe = probes[Math.floorMod(piece.charAt(0) - 'a', probes.length)];
            paste.append("\nroot@pve:~# ").append(probe.command().replace("<VMID>", "100").replace("<PCI>", "01:00.0"))
                    .append('\n').append(piece, 1, piece.length());
        }
        return paste.toString();
    }
}
