package dev.pcibot.kb.diagnose;

import dev.pcibot.kb.diagnose.parse.GroupMember;
import dev.pcibot.kb.diagnose.parse.IommuGroup;
import dev.pcibot.kb.diagnose.parse.IommuGroupsOutput;
import dev.pcibot.kb.diagnose.parse.LspciOutput;
import dev.pcibot.kb.diagnose.parse.PciAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * What a paste with no finding still leaves open, so that the answer is {@code insufficient-info}
 * and not {@code none}: trouble it shows without its cause (a device still waiting after a reset,
 * BARs restored, a non-fatal AER error, a call trace, a VM start error no row explains), the target's
 * group missing from a trimmed listing, a grep that filtered out the functions beside the target,
 * an IOMMU set-up the paste cut before its result. "No findings" is said to be healthy only when
 * none of these is open.
 *
 * @param evidence the lines that show what is open, quoted as pasted
 * @param detail one sentence per open question
 */
record OpenQuestions(List<String> evidence, List<String> detail) {
    private static final java.util.regex.Pattern BARE_LSPCI =
            java.util.regex.Pattern.compile("(?:sudo\\s+)?lspci\\b[^|]{0,80}\\|\\s*grep\\b.*");

    static OpenQuestions of(Facts facts) {
        List<String> evidence = new ArrayList<>();
        List<String> detail = new ArrayList<>();
        List<MessageScan.Hit> trouble = facts.messages().fact("trouble");
        if (!trouble.isEmpty()) {
            trouble.stream().limit(3).forEach(h -> evidence.add(h.line()));
            detail.add("The paste shows trouble but not its cause.");
        }
        facts.parts(Probe.VM_START_ERROR).stream().findFirst()
                .flatMap(p -> p.quotedLines().stream().filter(l -> !l.isBlank()).findFirst())
                .ifPresent(line -> {
                    evidence.add(line);
                    detail.add("The VM fails to start, and no line says why.");
                });
        List<PciAddress> targets = PassthroughTargets.of(facts);
        groupNotShown(facts, targets, evidence, detail);
        if (!facts.iommuActive() && facts.messages().has("iommu-param-on") && !facts.messages().has("dmar-table")) {
            facts.messages().fact("iommu-param-on").stream().findFirst().ifPresent(h -> evidence.add(h.line()));
            detail.add("`DMAR: IOMMU enabled` only shows that the kernel read intel_iommu=on: it is printed before the"
                    + " firmware is asked, even with VT-d off. The lines after it decide.");
        } else if (!facts.iommuActive() && (facts.messages().has("dmar-init-proceeded") || facts.messages().has("dmar-table"))) {
            for (String fact : List.of("dmar-init-proceeded", "dmar-table")) {
                facts.messages().fact(fact).stream().findFirst().ifPresent(h -> evidence.add(h.line()));
            }
            detail.add("The paste shows the firmware's IOMMU table, but not whether DMA remapping came up"
                    + " (no `DMAR: Intel(R) Virtualization Technology for Directed I/O`, no group).");
        }
        List<PastePart> parts = facts.parts();
        for (int i = 0; i < parts.size(); i++) {
            PastePart part = parts.get(i);
            String command = part.command();
            String commandLine = part.promptLine();
            if (command == null && i > 0 && parts.get(i - 1).kind() == null && !parts.get(i - 1).lines().isEmpty()) {
                // a command pasted without its prompt ("lspci -k | grep -E ...") heads the output
                List<String> before = parts.get(i - 1).lines();
                String last = before.get(before.size() - 1).strip();
                if (BARE_LSPCI.matcher(last).matches()) {
                    command = last;
                    commandLine = parts.get(i - 1).quotedLines().get(before.size() - 1);
                }
            }
            if (facts.output(part).orElse(null) instanceof LspciOutput lspci && command != null
                    && command.contains("grep") && lspci.devices().stream().anyMatch(d -> "vfio-pci".equals(d.driverInUse()))) {
                if (commandLine != null) {
                    evidence.add(commandLine);
                }
                detail.add("The grep keeps only some lines of lspci: the drivers of the card's other functions are not shown.");
            }
        }
        return new OpenQuestions(evidence.stream().distinct().toList(), detail);
    }

    private static final java.util.regex.Pattern START_FAILED = java.util.regex.Pattern.compile(
            "TASK ERROR: start failed|QEMU exited with code|failed to start VM|Failed to start domain|error: Failed to start");

    /** The line saying the VM did not start, if the paste shows one. */
    static java.util.Optional<String> startFailure(Facts facts) {
        for (PastePart part : facts.parts()) {
            for (String line : part.quotedLines()) {
                if (START_FAILED.matcher(line).find()) {
                    return java.util.Optional.of(line);
                }
            }
        }
        return java.util.Optional.empty();
    }

    boolean open() {
        return !detail.isEmpty();
    }

    private static void groupNotShown(Facts facts, List<PciAddress> targets, List<String> evidence, List<String> detail) {
        for (IommuGroupsOutput groups : facts.outputs(IommuGroupsOutput.class)) {
            if (!groups.iommuActive()) {
                continue;
            }
            for (PciAddress target : targets) {
                boolean shown = false;
                for (IommuGroup g : groups.groups()) {
                    for (GroupMember m : g.members()) {
                        shown |= target.covers(m.address()) || m.address().covers(target);
                    }
                }
                if (!shown) {
                    detail.add("The group listing does not show the group of " + target.shortForm() + ".");
                    return;
                }
            }
        }
    }
}
