package dev.pcibot.bot.discord.render;

import static dev.pcibot.bot.discord.render.Limits.assertWithinDiscordLimits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pcibot.kb.diagnose.Diagnosis;
import dev.pcibot.kb.diagnose.Finding;
import dev.pcibot.kb.diagnose.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.Test;

final class DiagnosisMessagesTest {
    @Test
    void threeFindingsAreShownWorstFirstWithEvidenceFixAndSourceAndNoAttachment() {
        MessageCreateData m = DiagnosisMessages.render(Samples.threeFindings(), "your paste", ReplyButtons.forDiagnosis(7, 42));

        assertWithinDiscordLimits(m);
        assertEquals(4, m.getEmbeds().size());
        MessageEmbed summary = m.getEmbeds().get(0);
        assertEquals("Diagnosis: 1 blocker, 1 problem, 1 info", summary.getTitle());
        assertEquals("findings: iommu-not-enabled, bar-reserve-conflict-efifb, kvm-msr-noise", summary.getFooter().getText());
        assertTrue(summary.getDescription().contains("**Next step:**"));
        assertTrue(summary.getDescription().contains("```\nlspci -nnk\n```"), summary.getDescription());
        assertTrue(m.getEmbeds().get(1).getTitle().startsWith("🛑 Blocker · Title of iommu-not-enabled"));
        assertTrue(m.getEmbeds().get(2).getTitle().startsWith("🔴 Problem"));
        MessageEmbed bar = m.getEmbeds().get(2);
        assertTrue(bar.getDescription().contains("BAR 3: can't reserve [mem 0xc0000000-0xc1ffffff 64bit pref]"));
        assertTrue(bar.getDescription().contains("**Fix**\nEdit the kernel command line"));
        assertTrue(bar.getDescription().contains("[Proxmox VE Administration Guide › PCI(e) Passthrough › Verify IOMMU is enabled]"
                + "(https://pve.proxmox.com/pve-docs/pve-admin-guide.html#qm_pci_passthrough)"));
        assertTrue(m.getFiles().isEmpty(), "nothing trimmed, nothing attached");
    }

    @Test
    void fortyFindingsWithAMegabyteOfEvidenceStayWithinLimitsAndAttachTheFullReport() throws IOException {
        // given 40 findings, one with a single 1 MB evidence line and one with 5,000 lines
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            List<String> evidence = switch (i) {
                case 0 -> List.of("x".repeat(1_000_000));
                case 1 -> java.util.stream.IntStream.range(0, 5000).mapToObj(n -> "[ " + n + "] DMAR: DRHD: handling fault status reg 2").toList();
                default -> List.of("[    1.0] line for finding " + i);
            };
            findings.add(Samples.finding("finding-" + i, Severity.values()[i % 4], evidence));
        }
        Diagnosis d = Samples.diagnosis(findings);

        // when
        MessageCreateData m = DiagnosisMessages.render(d, "attachment dmesg.log", ReplyButtons.forDiagnosis(7, 42));

        // then every limit holds, blockers come first, the marker names what is missing
        assertWithinDiscordLimits(m);
        int shownFindings = m.getEmbeds().size() - 1;
        assertTrue(shownFindings >= 3, "shows several findings: " + shownFindings);
        assertTrue(m.getEmbeds().get(1).getTitle().startsWith("🛑 Blocker"));
        assertTrue(m.getEmbeds().get(0).getDescription().contains("… " + (40 - shownFindings) + " more findings in the attached report"));
        assertEquals(1, m.getFiles().size());
        FileUpload report = m.getFiles().get(0);
        assertEquals(DiagnosisMessages.REPORT_FILE, report.getName());
        String text;
        try (InputStream in = report.getData()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (int i = 0; i < 40; i++) {
            assertTrue(text.contains("(finding-" + i + ")"), "report lists finding-" + i);
        }
        assertTrue(text.contains("[ 4999] DMAR: DRHD: handling fault status reg 2"), "report keeps every evidence line");
        assertTrue(text.length() < MessageLimits.ATTACHMENT_BYTES);
    }

    @Test
    void evidenceCannotBreakOutOfItsCodeBlockOrPing() {
        Finding f = Samples.finding("group-not-viable", Severity.BLOCKER,
                List.of("```", "@everyone look <@&123456789012345678> ``` here", "trailing backtick `"));
        MessageCreateData m = DiagnosisMessages.render(Samples.diagnosis(List.of(f)), "your paste", List.of());

        assertWithinDiscordLimits(m);
        String text = m.getEmbeds().get(1).getDescription();
        assertFalse(text.contains("@everyone"));
        assertFalse(text.contains("<@&"));
        // only the fences we wrote: evidence block and the fix's block
        assertEquals(4, text.split("```", -1).length - 1, text);
    }

    @Test
    void healthyAndInsufficientResultsSayWhatTheyAre() {
        Finding none = Samples.finding("none", Severity.INFO, List.of());
        Finding unsure = Samples.finding("insufficient-info", Severity.INFO, List.of());
        assertEquals("Diagnosis: nothing wrong in what you pasted",
                DiagnosisMessages.render(Samples.diagnosis(List.of(none)), "x", List.of()).getEmbeds().get(0).getTitle());
        assertEquals("Diagnosis: not enough to go on",
                DiagnosisMessages.render(Samples.diagnosis(List.of(unsure)), "x", List.of()).getEmbeds().get(0).getTitle());
    }

    @Test
    void reportScrubsSerialNumbersAndMacAddresses() {
        Finding f = Samples.finding("host-driver-bound", Severity.PROBLEM, List.of(
                "\tCapabilities: [140 v1] Device Serial Number 00-11-22-ff-ff-33-44-55",
                "[    3.2] r8169 0000:05:00.0 eth0: RTL8168h/8111h, 04:d4:c4:5a:6b:7c, XID 541, IRQ 139"));
        String report = DiagnosisReport.text(Samples.diagnosis(List.of(f)), "paste");
        assertFalse(report.contains("00-11-22-ff-ff-33-44-55"), report);
        assertFalse(report.contains("04:d4:c4:5a:6b:7c"), report);
        assertTrue(report.contains("Device Serial Number [scrubbed]"));
        assertTrue(report.contains("r8169 0000:05:00.0 eth0"), "PCI addresses are kept");
    }
}
