package dev.pcibot.kb.diagnose.rule;

import dev.pcibot.kb.diagnose.Cmdline;
import dev.pcibot.kb.diagnose.Detection;
import dev.pcibot.kb.diagnose.Facts;
import dev.pcibot.kb.diagnose.MessageScan;
import dev.pcibot.kb.diagnose.PastePart;
import dev.pcibot.kb.diagnose.parse.IommuGroupsOutput;
import dev.pcibot.kb.diagnose.parse.KernelParam;
import java.util.ArrayList;
import java.util.List;

/**
 * Fires when a log that shows the IOMMU start-up has no line of the IOMMU coming up, or says it is
 * disabled. Cross-check: when the kernel parameter is set (or the kernel acknowledged it with {@code
 * DMAR: IOMMU enabled}) and still nothing came up, the firmware switch is off. Text: content
 * findings/iommu-not-enabled.md
 */
final class IommuNotEnabled implements Rule {
    @Override
    public String id() {
        return "iommu-not-enabled";
    }

    @Override
    public List<Detection> evaluate(Facts facts) {
        MessageScan log = facts.messages();
        if (facts.iommuProvenActive()) {
            return List.of();
        }
        List<String> emptyListings = emptyGroupListings(facts);
        if (facts.iommuAcknowledgedWithFirmwareTable() && emptyListings.isEmpty()) {
            return List.of(); // the guide's "DMAR: IOMMU enabled" with VT-d present: only empty groups outweigh it
        }
        List<String> evidence = new ArrayList<>();
        log.fact("iommu-disabled").forEach(h -> evidence.add(h.line()));
        evidence.addAll(emptyListings);
        List<String> probeFailures = facts.vfioProbeFailures();
        evidence.addAll(probeFailures);
        if (evidence.isEmpty() && !facts.logShowsIommuStartup()) {
            return List.of(); // a grep or a wrapped log: a missing line means nothing
        }
        if (evidence.isEmpty() && log.has("dmar-init-proceeded")) {
            // "DMAR: No ATSR found" is printed past the kernel's "disabled" check: the set-up went on,
            // and a paste that stops there was cut before the result
            return List.of();
        }
        log.fact("iommu-param-on").forEach(h -> evidence.add(h.line()));
        boolean paramSet = !log.fact("iommu-param-on").isEmpty();
        // only what the kernel booted with counts as "requested": /etc/default/grub is a wish
        for (Cmdline c : facts.bootedCmdlines()) {
            for (String name : List.of("intel_iommu", "amd_iommu")) {
                for (KernelParam p : c.output().all(name)) {
                    if (p.value() != null && p.value().contains("on")) {
                        paramSet = true;
                        String line = c.lineWith(p.raw());
                        if (!evidence.contains(line)) {
                            evidence.add(line);
                        }
                    }
                }
            }
        }
        String detail;
        if (!log.fact("iommu-disabled").isEmpty()) {
            detail = "The kernel says the IOMMU is disabled.";
        } else if (!probeFailures.isEmpty() && emptyListings.isEmpty()) {
            detail = "vfio-pci could not take the device: its probe failed with -22 (EINVAL), which is what it"
                    + " returns for a function with no IOMMU group, and nothing in the paste shows the IOMMU working.";
        } else if (GroupNotIsolated.listings(facts).stream().anyMatch(IommuNotEnabled::platformDevicesOnly)) {
            detail = "The IOMMU groups hold only platform devices, no PCI function: the PCI(e) devices are not"
                    + " behind an enabled IOMMU, so none of them can be passed through.";
        } else if (!emptyListings.isEmpty() && paramSet) {
            detail = "The IOMMU is requested on the kernel command line, yet there are no IOMMU groups:"
                    + " the IOMMU (VT-d / AMD-Vi) is most likely switched off in the firmware setup.";
        } else if (!emptyListings.isEmpty()) {
            detail = "There are no IOMMU groups (the group listing is empty, or Proxmox VE lists every device with"
                    + " iommugroup -1).";
        } else if (paramSet) {
            detail = "The IOMMU is requested on the kernel command line, yet no line shows it coming up:"
                    + " the IOMMU (VT-d / AMD-Vi) is most likely switched off in the firmware setup.";
        } else {
            detail = "The kernel log shows no IOMMU coming up (no DMAR or AMD-Vi initialisation, no device"
                    + " added to an IOMMU group).";
        }
        List<String> ignored = facts.grubParamsIgnoredBySystemdBoot().stream()
                .filter(p -> p.startsWith("intel_iommu") || p.startsWith("amd_iommu")).toList();
        if (!ignored.isEmpty()) {
            detail += " " + String.join(" ", ignored) + " is configured in /etc/default/grub, but the host boots with"
                    + " systemd-boot, which reads /etc/kernel/cmdline instead (then run proxmox-boot-tool refresh).";
            for (Cmdline c : facts.cmdlines()) {
                if (c.output().source() == dev.pcibot.kb.diagnose.parse.CmdlineOutput.Source.GRUB_DEFAULT) {
                    evidence.add(c.lineWith(ignored.get(0)));
                }
            }
        }
        return List.of(Detection.of(id(), evidence.stream().distinct().toList(), detail));
    }

    // a sysfs path of a group member: /sys/kernel/iommu_groups/N/devices/NAME
    private static final java.util.regex.Pattern GROUP_MEMBER_PATH =
            java.util.regex.Pattern.compile("/sys/kernel/iommu_groups/\\d+/devices/(\\S+)");
    private static final java.util.regex.Pattern PCI_NAME =
            java.util.regex.Pattern.compile("^(?:[0-9a-fA-F]{4}:)?[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\\.[0-7]$");

    /**
     * A find of /sys/kernel/iommu_groups whose groups hold only platform devices (an SoC's codec or
     * GPU): the IOMMU serves those, but no PCI function has a group, so none can be passed through.
     */
    private static boolean platformDevicesOnly(PastePart part) {
        int members = 0;
        for (String line : part.lines()) {
            java.util.regex.Matcher m = GROUP_MEMBER_PATH.matcher(line);
            if (!m.find()) {
                continue;
            }
            if (PCI_NAME.matcher(m.group(1)).matches()) {
                return false;
            }
            members++;
        }
        return members > 0;
    }

    /**
     * Group listings that show the IOMMU off: pvesh with every device at iommugroup -1, or a find of
     * /sys/kernel/iommu_groups that printed nothing (or a count of 0).
     */
    private static List<String> emptyGroupListings(Facts facts) {
        List<String> evidence = new ArrayList<>();
        for (PastePart part : GroupNotIsolated.listings(facts)) {
            if (!(facts.output(part).orElse(null) instanceof IommuGroupsOutput groups) || groups.iommuActive()) {
                continue;
            }
            boolean allUngrouped = !groups.ungrouped().isEmpty();
            boolean emptyFind = part.command() != null && part.lines().stream().allMatch(l -> l.isBlank() || l.strip().equals("0"));
            boolean platformOnly = platformDevicesOnly(part);
            if (platformOnly) {
                part.quotedLines().stream().filter(l -> !l.isBlank()).findFirst().ifPresent(evidence::add);
            }
            if (allUngrouped || emptyFind) {
                if (part.promptLine() != null) {
                    evidence.add(part.promptLine());
                }
                part.quotedLineContaining("-1").ifPresent(evidence::add);
                part.quotedLines().stream().filter(l -> l.strip().equals("0")).findFirst().ifPresent(evidence::add);
            }
        }
        return evidence;
    }
}
