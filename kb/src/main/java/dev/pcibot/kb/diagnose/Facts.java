package dev.pcibot.kb.diagnose;

import dev.pcibot.kb.diagnose.parse.CmdlineOutput;
import dev.pcibot.kb.diagnose.parse.CmdlineParser;
import dev.pcibot.kb.diagnose.parse.IommuGroupsOutput;
import dev.pcibot.kb.diagnose.parse.LspciDevice;
import dev.pcibot.kb.diagnose.parse.LspciOutput;
import dev.pcibot.kb.diagnose.parse.ParsedOutput;
import dev.pcibot.kb.diagnose.parse.PveVersionOutput;
import dev.pcibot.kb.diagnose.parse.UnameOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one paste told: its parts, what the message table found in its log lines, and each
 * recognised output parsed. Rules read facts; they never look at the raw paste.
 */
public final class Facts {
    private static final java.util.regex.Pattern GRUB_LINE =
            java.util.regex.Pattern.compile("^\\s*(?:export\\s+)?GRUB_[A-Z_]+=");
    private final List<PastePart> parts;
    private final MessageScan messages;
    private final Map<PastePart, ParsedOutput> outputs;

    Facts(List<PastePart> parts, MessageScan messages, Map<PastePart, ParsedOutput> outputs) {
        this.parts = List.copyOf(parts);
        this.messages = messages;
        this.outputs = Map.copyOf(joinFencedGroups(this.parts, outputs));
    }

    /**
     * "IOMMU Group 5:" and then its lspci lines in a code fence: the fence splits the paste in two
     * parts, a group header with no member and an lspci listing. The header's part is read again
     * with the listing's lines under it.
     */
    private static Map<PastePart, ParsedOutput> joinFencedGroups(List<PastePart> parts, Map<PastePart, ParsedOutput> outputs) {
        Map<PastePart, ParsedOutput> joined = new java.util.IdentityHashMap<>(outputs);
        for (int i = 0; i + 1 < parts.size(); i++) {
            PastePart header = parts.get(i);
            PastePart next = parts.get(i + 1);
            if (outputs.get(header) instanceof IommuGroupsOutput groups && !groups.groups().isEmpty()
                    && groups.groups().stream().allMatch(g -> g.members().isEmpty())
                    && outputs.get(next) instanceof LspciOutput) {
                List<String> lines = new ArrayList<>(header.lines());
                lines.addAll(next.lines());
                joined.put(header, new dev.pcibot.kb.diagnose.parse.IommuGroupsParser().parse(String.join("\n", lines)));
            }
        }
        return joined;
    }

    /** The parts of the paste, in order. */
    public List<PastePart> parts() {
        return parts;
    }

    /** Whether the paste holds output of this probe. */
    public boolean has(Probe probe) {
        return parts.stream().anyMatch(p -> p.kind() == probe);
    }

    /** What the message pattern table found in the log lines. */
    public MessageScan messages() {
        return messages;
    }

    /** Every parsed output of this type, in paste order (several pastes of one command are kept apart). */
    public <T extends ParsedOutput> List<T> outputs(Class<T> type) {
        List<T> found = new ArrayList<>();
        for (PastePart part : parts) {
            ParsedOutput out = outputs.get(part);
            if (type.isInstance(out)) {
                found.add(type.cast(out));
            }
        }
        return found;
    }

    /** The first parsed output of this type, if any. */
    public <T extends ParsedOutput> Optional<T> output(Class<T> type) {
        return outputs(type).stream().findFirst();
    }

    /** The parsed output of one part, if it had a parser. */
    public Optional<ParsedOutput> output(PastePart part) {
        return Optional.ofNullable(outputs.get(part));
    }

    /**
     * Every kernel command line in the paste: cmdline parts, and the kernel log's own copy. A
     * {@code GRUB_CMDLINE_LINUX...=} line pasted under {@code cat /proc/cmdline} is configuration, not what the kernel booted with: it becomes a command line
     * of its own, read as /etc/default/grub.
     */
    public List<Cmdline> cmdlines() {
        List<Cmdline> found = new ArrayList<>();
        for (PastePart part : parts) {
            if (outputs.get(part) instanceof CmdlineOutput c) {
                // in /etc/kernel/cmdline a GRUB_ line is the user's mistake (cmdline-param-typo says so)
                if (c.source() != CmdlineOutput.Source.PROC_CMDLINE) {
                    found.add(new Cmdline(c, part.quotedLines()));
                    continue;
                }
                List<String> own = new ArrayList<>();
                List<String> ownQuoted = new ArrayList<>();
                List<String> grub = new ArrayList<>();
                List<String> grubQuoted = new ArrayList<>();
                for (int i = 0; i < part.lines().size(); i++) {
                    boolean grubLine = GRUB_LINE.matcher(part.lines().get(i)).find();
                    (grubLine ? grub : own).add(part.lines().get(i));
                    (grubLine ? grubQuoted : ownQuoted).add(part.quotedLines().get(i));
                }
                if (grub.isEmpty()) {
                    found.add(new Cmdline(c, part.quotedLines()));
                } else {
                    if (!own.isEmpty()) {
                        found.add(new Cmdline(new CmdlineParser(c.source()).parse(String.join("\n", own)), ownQuoted));
                    }
                    found.add(new Cmdline(new CmdlineParser(CmdlineOutput.Source.GRUB_DEFAULT).parse(String.join("\n", grub)),
                            grubQuoted));
                }
            }
        }
        for (MessageScan.Hit hit : messages.fact("cmdline")) {
            if (hit.value() != null) {
                CmdlineOutput c = new CmdlineParser(CmdlineOutput.Source.PROC_CMDLINE).parse(hit.value());
                found.add(new Cmdline(c, List.of(hit.line())));
            }
        }
        return found;
    }

    /** The command lines the running kernel booted with (/proc/cmdline, the log's own copy). */
    public List<Cmdline> bootedCmdlines() {
        return cmdlines().stream().filter(c -> c.output().source() == CmdlineOutput.Source.PROC_CMDLINE).toList();
    }

    /**
     * Which boot loader started the kernel, from /proc/cmdline: GRUB puts {@code BOOT_IMAGE=} on it,
     * systemd-boot (proxmox-boot-tool) {@code initrd=\\EFI\\...}. Empty when no booted line says.
     */
    public Optional<String> bootLoader() {
        for (Cmdline c : bootedCmdlines()) {
            if (c.output().has("BOOT_IMAGE")) {
                return Optional.of("grub");
            }
            if (c.output().value("initrd").map(v -> v.toUpperCase(java.util.Locale.ROOT).contains("EFI")).orElse(false)) {
                return Optional.of("systemd-boot");
            }
        }
        return Optional.empty();
    }

    /**
     * The cross-check of configuration against the booted line: parameters set in /etc/default/grub
     * that /proc/cmdline does not carry, on a host that boots with systemd-boot (which never reads
     * GRUB's file). Empty when the paste does not show all three.
     */
    public List<String> grubParamsIgnoredBySystemdBoot() {
        if (!bootLoader().equals(Optional.of("systemd-boot"))) {
            return List.of();
        }
        List<String> booted = bootedCmdlines().stream().flatMap(c -> c.output().params().stream())
                .map(p -> p.raw()).toList();
        List<String> ignored = new ArrayList<>();
        for (Cmdline c : cmdlines()) {
            if (c.output().source() == CmdlineOutput.Source.GRUB_DEFAULT) {
                c.output().params().stream().map(p -> p.raw()).filter(r -> !booted.contains(r) && !r.equals("quiet"))
                        .forEach(ignored::add);
            }
        }
        return ignored;
    }

    /**
     * The running (or booted) kernel release the paste names ({@code 6.8.12-4-pve}): uname -r,
     * pveversion's "running kernel", the kernel log's "Linux version", or /proc/cmdline's image.
     */
    public Optional<KernelRelease> kernelRelease() {
        for (UnameOutput uname : outputs(UnameOutput.class)) {
            Optional<KernelRelease> release = KernelRelease.parse(uname.release());
            if (release.isPresent()) {
                return release;
            }
        }
        for (PveVersionOutput pve : outputs(PveVersionOutput.class)) {
            Optional<KernelRelease> release = KernelRelease.parse(pve.runningKernel());
            if (release.isPresent()) {
                return release;
            }
        }
        for (String fact : List.of("kernel-release", "kernel-version", "kernel-image")) {
            for (MessageScan.Hit hit : messages.fact(fact)) {
                Optional<KernelRelease> release = KernelRelease.parse(hit.value());
                if (release.isPresent()) {
                    return release;
                }
            }
        }
        return Optional.empty();
    }

    /** The parts of one kind, in paste order. */
    public List<PastePart> parts(Probe probe) {
        return parts.stream().filter(p -> p.kind() == probe).toList();
    }

    /**
     * Whether some log in the paste shows the IOMMU start-up, so a missing line means something. A
     * prompt-less excerpt whose only IOMMU line is {@code DMAR: IOMMU enabled} (the README's own
     * example) is a quote, not a picture of the start-up: users trim to the line they think matters.
     */
    public boolean logShowsIommuStartup() {
        return parts.stream().anyMatch(p -> p.showsIommuStartup() && !onlyQuotesTheParameter(p));
    }

    private boolean onlyQuotesTheParameter(PastePart part) {
        if (part.command() != null || part.kind() != Probe.KERNEL_IOMMU) {
            return false;
        }
        for (String fact : List.of("iommu-active", "dmar-table", "iommu-disabled", "irq-remapping-on")) {
            for (MessageScan.Hit hit : messages.fact(fact)) {
                if (hit.lineNumber() >= part.firstLine() && hit.lineNumber() <= part.lastLine()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether some log in the paste shows the interrupt remapping start-up lines. */
    public boolean logShowsRemappingStartup() {
        return parts.stream().anyMatch(PastePart::showsRemappingStartup);
    }

    /**
     * Whether the kernel log says the IOMMU is up: groups assigned, DMAR/AMD-Vi initialised, or
     * DMA remapping faults (which only a working IOMMU reports).
     */
    public boolean iommuActive() {
        return iommuProvenActive() || iommuAcknowledgedWithFirmwareTable();
    }

    /**
     * Whether something only a working IOMMU produces is in the paste: groups assigned, DMAR/AMD-Vi
     * initialised, DMA faults, a device owned by vfio-pci (it binds only to a function with an IOMMU
     * group: its own log lines, or {@code Kernel driver in use: vfio-pci}), a group number in a QEMU
     * error, lspci's {@code IOMMU group: N}, or a non-empty group listing. Positive evidence outweighs
     * the absence of a start-up line in a paste that never showed the boot. The exception is
     * vfio's no-IOMMU mode, which binds without one and says so.
     */
    public boolean iommuProvenActive() {
        if (messages.has("vfio-noiommu")) {
            return messages.has("iommu-active");
        }
        return messages.has("iommu-active") || vfioLinesProveIommu() || !iommuProofInListings().isEmpty();
    }

    /**
     * Whether some "in use" line proves the IOMMU: a vfio-pci line about a function whose probe then
     * failed with -22 does not (vfio-pci prints its vgaarb line before it asks for the IOMMU group,
     * and -EINVAL is what it returns when there is none).
     */
    private boolean vfioLinesProveIommu() {
        List<MessageScan.Hit> failed = messages.fact("vfio-probe-failed");
        if (failed.isEmpty()) {
            return messages.has("iommu-in-use");
        }
        boolean anyDevice = failed.stream().anyMatch(h -> h.device() == null);
        java.util.Set<String> devices = new java.util.HashSet<>();
        failed.stream().filter(h -> h.device() != null).forEach(h -> devices.add(h.device()));
        return messages.fact("iommu-in-use").stream()
                .anyMatch(h -> h.device() == null || (!anyDevice && !devices.contains(h.device())));
    }

    /** The functions vfio-pci failed to take with -22 (EINVAL), as the kernel named them. */
    public List<String> vfioProbeFailures() {
        return messages.fact("vfio-probe-failed").stream().map(MessageScan.Hit::line).toList();
    }

    /**
     * The listing lines that prove a working IOMMU: a function held by vfio-pci, a function with an
     * IOMMU group, a group listing with groups in it. Empty when no listing shows one.
     */
    public List<String> iommuProofInListings() {
        List<String> proof = new ArrayList<>();
        for (PastePart part : parts) {
            ParsedOutput out = outputs.get(part);
            if (out instanceof LspciOutput lspci) {
                for (LspciDevice d : lspci.devices()) {
                    if ("vfio-pci".equals(d.driverInUse())) {
                        part.quotedLineContaining("Kernel driver in use: vfio-pci", "drv=vfio-pci").ifPresent(proof::add);
                    } else if (d.iommuGroup() != null) {
                        part.quotedLineContaining("IOMMU group").ifPresent(proof::add);
                    }
                }
            } else if (out instanceof IommuGroupsOutput groups && groups.iommuActive()) {
                part.quotedLines().stream().filter(l -> !l.isBlank()).findFirst().ifPresent(proof::add);
            }
        }
        return proof.stream().distinct().limit(3).toList();
    }

    /**
     * Whether the kernel took {@code intel_iommu=on} ({@code DMAR: IOMMU enabled}) while the firmware
     * exposes VT-d (the ACPI DMAR table or DMAR interrupt remapping). NOTE: this is the official
     * guide's own check; users trim their paste to these lines, and the switch that is really off
     * in the "firmware VT-d disabled" case removes the DMAR table, so the pair is enough.
     */
    public boolean iommuAcknowledgedWithFirmwareTable() {
        return messages.has("iommu-param-on") && (messages.has("dmar-table") || messages.has("irq-remapping-on"));
    }
}
