package dev.pcibot.bot.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pcibot.bot.discord.gate.EntryPoint;
import dev.pcibot.kb.diagnose.Probe;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An injection corpus against the bot's argument check (probes.md D2): shell metacharacters,
 * command substitution, line breaks, option flags, path tricks, Unicode look-alikes of digits,
 * colons and dots, and over-long values, alone and glued to a valid argument. Every one is refused
 * for every probe, by an admin whose grant would allow the probe, and nothing reaches the node.
 */
final class ArgumentInjectionTest {
    private static final String VMID = "100";
    private static final String PCI = "0000:01:00.0";
    private static final List<String> PAYLOADS = List.of(
            ";", ";id", "; id", "&&", "&& id", "||", "|", "| sh", "$(id)", "${IFS}", "`id`", "'", "\"", "\\", ">", "<", ">/tmp/x",
            "\n", "\nid", "\r", "\r\nid", "\t", " ", "\u0000", "%0a", "%00", "--snapshot x", "-vv", "--help", "-s", "../", "/etc/shadow",
            "*", "?", "~", "!", "#", "&", "=", ",", "+", "-", "0x64", "1e3",
            "\uFF11\uFF10\uFF10", // fullwidth 100
            "\u0661\u0660\u0660", // Arabic-Indic 100
            "\u0967\u0966\u0966", // Devanagari 100
            "\uA789", "\u2236", "\uFF1A", // colon look-alikes
            "\u2024", "\uFF0E", // dot look-alikes
            "\u200B", "\u00A0", "\u202E", "\uFEFF", // zero-width, no-break space, right-to-left override, BOM
            "\u0430", "\u0441"); // Cyrillic a, c (look like hex digits)
    private static final List<String> PLAIN_BAD = List.of(
            "", "12", "99", "099", "1000000000", "-100", "+100", "100.0", "1 00", "0000:01:00.8", "01:00.0", "0000:01:00",
            "0000:0A:00.0", "0000:01:00.0.0", "00000:01:00.0", "0000:01:000.0", "g000:01:00.0", "1".repeat(64),
            "0".repeat(4) + ":" + "0".repeat(300), "a".repeat(6001));

    private static TestCertificates certs;
    private static FakePveApi api;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        certs = TestCertificates.create();
        api = FakePveApi.start(certs.selfSigned);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    /** Each payload alone, before and after a valid argument, and in its middle. */
    static Set<String> corpus() {
        Set<String> out = new LinkedHashSet<>(PLAIN_BAD);
        for (String p : PAYLOADS) {
            for (String valid : List.of(VMID, PCI)) {
                out.add(p);
                out.add(valid + p);
                out.add(p + valid);
                out.add(valid.substring(0, 2) + p + valid.substring(2));
            }
        }
        return out;
    }

    @Test
    void noInjectedArgumentIsAcceptedForAnyProbeAndNothingReachesTheNode() {
        ProbeWorld w = new ProbeWorld(api, dir, TestCertificates.fingerprint(certs.selfSigned), 100_000);
        Set<String> corpus = corpus();
        api.clearSeen();
        int tried = 0;
        List<String> accepted = new ArrayList<>();
        for (Probe probe : List.of(Probe.QM_CONFIG, Probe.LSPCI_DEV, Probe.LSPCI_VV, Probe.CMDLINE, Probe.VERSION)) {
            for (String arg : corpus) {
                tried++;
                ProbeDecision d = w.runner.admit(ProbeWorld.ask(EntryPoint.SLASH, ProbeWorld.GUILD, ProbeWorld.CHANNEL,
                        ProbeWorld.ADMIN, "pve1", probe, arg));
                if (d.allowed()) {
                    accepted.add(probe.id() + " " + arg);
                } else {
                    assertEquals(ProbeRunner.BAD_ARGUMENT, d.rule(), probe.id() + " '" + arg + "'");
                    assertTrue(d.message().length() < 200, "an over-long value is not echoed whole: " + d.message().length());
                    assertFalse(d.message().contains("\n"), "no line break is echoed");
                }
            }
        }
        assertEquals(List.of(), accepted);
        assertEquals(List.of(), api.seen(), "0 requests to the node");
        System.out.println("Injection corpus: " + corpus.size() + " values x 5 probes = " + tried + " attempts, 0 accepted");
        assertTrue(corpus.size() > 400, "corpus size " + corpus.size());
    }

    @Test
    void theValidFormsStillPass() {
        assertTrue(ArgumentKind.VMID.accepts("100"));
        assertTrue(ArgumentKind.VMID.accepts("999999999"));
        assertTrue(ArgumentKind.PCI.accepts("0000:01:00.0"));
        assertTrue(ArgumentKind.PCI.accepts("0000:c1:1f.7"));
        assertFalse(ArgumentKind.NONE.accepts(""));
        for (String arg : corpus()) {
            assertFalse(ArgumentKind.VMID.accepts(arg) || ArgumentKind.PCI.accepts(arg), () -> "'" + arg + "'");
        }
    }
}
