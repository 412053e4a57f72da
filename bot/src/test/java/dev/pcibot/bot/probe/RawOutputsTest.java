package dev.pcibot.bot.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pcibot.bot.converse.AdjustableClock;
import dev.pcibot.bot.discord.gate.EntryPoint;
import dev.pcibot.kb.diagnose.Diagnoser;
import dev.pcibot.kb.diagnose.Probe;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The kept raw outputs: redacted before they are kept, gone after 15 minutes, never more than
 * {@link RawOutputs#MAX_KEPT} (the oldest go first).
 */
class RawOutputsTest {
    private static final ProbeNode NODE = new ProbeNode("pve1", ProbeNode.API, "192.0.2.10", 8006, "pve1", null, null);
    // journal lines as PVE 8 prints them (the fake API's journal.json), with a MAC and a UUID in them
    private static final String OUTPUT = "Dec 03 01:52:07 pve1 kernel: DMAR: IOMMU enabled\n"
            + "Dec 03 01:52:08 pve1 kernel: e1000e 0000:00:1f.6 eth0: (PCI Express:2.5GT/s:Width x1) 3c:ec:ef:12:34:56\n"
            + "Dec 03 01:52:09 pve1 systemd[1]: Mounted /dev/disk/by-uuid/6f0c1e2d-3b4a-5968-7766-554433221100\n";

    private static ProbeAsk ask() {
        return new ProbeAsk(EntryPoint.SLASH, 1L, 2L, 3L, "alice", List.of(), "pve1", Probe.KERNEL_IOMMU, null, UUID.randomUUID());
    }

    private static ProbeReport report() {
        return new ProbeReport(new ProbeOutput(OUTPUT, OUTPUT.length(), false, 0, Duration.ZERO), "api", OUTPUT,
                Diagnoser.withoutCitations().diagnose(OUTPUT));
    }

    @Test
    void whatIsKeptIsRedacted() {
        RawOutputs outputs = new RawOutputs(new AdjustableClock());
        String text = outputs.find(outputs.keep(ask(), NODE, report())).orElseThrow().text();
        assertTrue(text.startsWith("Dec 03 01:52:07 <host> kernel: DMAR: IOMMU enabled\n"), text);
        assertTrue(text.contains("0000:00:1f.6"), "PCI addresses stay: " + text);
        assertFalse(text.contains("pve1") || text.contains("3c:ec:ef") || text.contains("6f0c1e2d"), text);
    }

    @Test
    void anOutputIsKeptFifteenMinutes() {
        AdjustableClock clock = new AdjustableClock();
        RawOutputs outputs = new RawOutputs(clock);
        String key = outputs.keep(ask(), NODE, report());
        clock.advance(Duration.ofMinutes(14));
        assertTrue(outputs.find(key).isPresent());
        clock.advance(Duration.ofMinutes(1));
        assertTrue(outputs.find(key).isEmpty());
    }

    @Test
    void atMostSoManyAreKeptAndTheOldestGoFirst() {
        RawOutputs outputs = new RawOutputs(new AdjustableClock());
        String first = outputs.keep(ask(), NODE, report());
        String second = outputs.keep(ask(), NODE, report());
        for (int i = 0; i < RawOutputs.MAX_KEPT - 1; i++) {
            outputs.keep(ask(), NODE, report());
        }
        assertTrue(outputs.find(first).isEmpty());
        assertTrue(outputs.find(second).isPresent());
        assertEquals(16, second.length());
    }
}
