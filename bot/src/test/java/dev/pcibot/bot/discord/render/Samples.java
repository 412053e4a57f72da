package dev.pcibot.bot.discord.render;

import dev.pcibot.kb.diagnose.Diagnosis;
import dev.pcibot.kb.diagnose.Finding;
import dev.pcibot.kb.diagnose.NextStep;
import dev.pcibot.kb.diagnose.RecognizedPart;
import dev.pcibot.kb.diagnose.Severity;
import dev.pcibot.kb.search.Citation;
import dev.pcibot.kb.search.SearchHit;
import dev.pcibot.kb.search.SearchResult;
import java.util.List;
import java.util.Map;

/**
 * Diagnoses and answers shaped like the engine's, built in one place so a contract change touches
 * one file. Evidence lines are real kernel output (dmesg from the PVE admin guide and forum posts).
 */
final class Samples {
    static final Citation ADMIN_GUIDE = new Citation(
            "pve-admin-guide/qm-pci-passthrough/verify-iommu",
            "Proxmox VE Administration Guide",
            List.of("PCI(e) Passthrough", "Verify IOMMU is enabled"),
            "https://pve.proxmox.com/pve-docs/pve-admin-guide.html#qm_pci_passthrough");

    private Samples() {}

    static Finding finding(String id, Severity severity, List<String> evidence) {
        return new Finding(
                id,
                severity,
                "Title of " + id,
                evidence,
                "What " + id + " means, in a sentence or two.",
                "Edit the kernel command line:\n```\nnano /etc/kernel/cmdline\nproxmox-boot-tool refresh\n```",
                List.of(ADMIN_GUIDE),
                "");
    }

    static Diagnosis diagnosis(List<Finding> findings) {
        return new Diagnosis(
                List.of(new RecognizedPart("kernel-iommu", 1, 40, List.of(), 0)),
                Map.of("kernel", "6.8.12-4-pve"),
                List.of(),
                findings,
                List.of(new NextStep("lspci-nnk", "lspci -nnk", "shows which driver holds each device")),
                List.of("VM configuration"),
                List.of());
    }

    static Diagnosis threeFindings() {
        return diagnosis(List.of(
                finding("kvm-msr-noise", Severity.INFO, List.of("[   12.1] kvm [1234]: ignored rdmsr: 0x1a2")),
                finding("iommu-not-enabled", Severity.BLOCKER, List.of("[    0.000000] Command line: BOOT_IMAGE=/vmlinuz intel_iommu=on")),
                finding("bar-reserve-conflict-efifb", Severity.PROBLEM,
                        List.of("[  170.101] vfio-pci 0000:01:00.0: BAR 3: can't reserve [mem 0xc0000000-0xc1ffffff 64bit pref]"))));
    }

    static SearchHit hit(String sectionId, String snippet, List<String> commands) {
        Citation c = new Citation(sectionId, "Proxmox VE Administration Guide", List.of("PCI(e) Passthrough", "Host Device Passthrough"),
                "https://pve.proxmox.com/pve-docs/pve-admin-guide.html#" + sectionId.replace('/', '_'));
        return new SearchHit(c, "OFFICIAL", snippet, commands, 12.5f, List.of(), null);
    }

    static SearchResult answered(int hits) {
        List<SearchHit> list = new java.util.ArrayList<>();
        for (int i = 0; i < hits; i++) {
            list.add(hit("pve/s" + i, "Enable the **IOMMU** with `intel_iommu=on` (hit " + i + ")",
                    List.of("dmesg | grep -e DMAR -e IOMMU -e AMD-Vi", "lspci -nnk")));
        }
        return new SearchResult("how do I enable iommu", true, list);
    }
}
