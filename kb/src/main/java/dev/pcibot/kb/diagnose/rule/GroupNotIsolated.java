package dev.pcibot.kb.diagnose.rule;

import dev.pcibot.kb.diagnose.Detection;
import dev.pcibot.kb.diagnose.Facts;
import dev.pcibot.kb.diagnose.PassthroughTargets;
import dev.pcibot.kb.diagnose.PastePart;
import dev.pcibot.kb.diagnose.Probe;
import dev.pcibot.kb.diagnose.parse.GroupMember;
import dev.pcibot.kb.diagnose.parse.IommuGroup;
import dev.pcibot.kb.diagnose.parse.IommuGroupsOutput;
import dev.pcibot.kb.diagnose.parse.LspciDevice;
import dev.pcibot.kb.diagnose.parse.LspciOutput;
import dev.pcibot.kb.diagnose.parse.PciAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Fires when a device the user means to pass through shares its IOMMU group with other endpoints.
 * Its own functions and bridges/root ports in the group do not count (the official guide says so).
 * Text: content findings/group-not-isolated.md
 */
final class GroupNotIsolated implements Rule {
    /** A listing of at most this many groups was cut down to the group in question. */
    private static final int SHOWN_GROUPS = 2;

    @Override
    public String id() {
        return "group-not-isolated";
    }

    @Override
    public List<Detection> evaluate(Facts facts) {
        return new GroupNotIsolated(facts).judge();
    }

    private final @org.jspecify.annotations.Nullable Facts facts;

    GroupNotIsolated() {
        this.facts = null;
    }

    private GroupNotIsolated(Facts facts) {
        this.facts = facts;
    }

    private List<Detection> judge() {
        Facts facts = java.util.Objects.requireNonNull(this.facts);
        List<PciAddress> targets = PassthroughTargets.of(facts);
        Set<String> evidence = new LinkedHashSet<>();
        List<String> details = new ArrayList<>();
        for (PastePart part : listings(facts)) {
            if (!(facts.output(part).orElse(null) instanceof IommuGroupsOutput groups)) {
                continue;
            }
            // with no target named, a listing cut down to one or two groups shows the group the user
            // asks about: every endpoint in it is a candidate
            boolean shownGroupsAreTheQuestion = targets.isEmpty() && !groups.groups().isEmpty()
                    && groups.groups().size() <= SHOWN_GROUPS;
            if (targets.isEmpty() && !shownGroupsAreTheQuestion) {
                continue;
            }
            for (IommuGroup group : groups.groups()) {
                for (GroupMember member : group.members()) {
                    boolean candidate = shownGroupsAreTheQuestion ? !member.isBridge() && member.described()
                            : targets.stream().anyMatch(t -> t.covers(member.address()));
                    if (!candidate) {
                        continue;
                    }
                    List<GroupMember> foreign = group.foreignEndpointsOf(member).stream()
                            .filter(f -> !bridgeOrUnknownOnBusZero(f, facts))
                            .toList();
                    if (foreign.isEmpty()) {
                        continue;
                    }
                    quote(part, member.address()).ifPresent(evidence::add);
                    foreign.forEach(f -> quote(part, f.address()).ifPresent(evidence::add));
                    details.add("Group " + group.number() + " holds " + name(member) + " and also "
                            + String.join(", ", foreign.stream().map(GroupNotIsolated::name).toList())
                            + ": they can only go to one VM together, and the host loses them all.");
                    break;
                }
            }
        }
        if (details.isEmpty()) {
            lspciGroups(facts, targets, evidence, details);
        }
        if (details.isEmpty()) {
            kernelLogGroups(facts, targets, evidence, details);
        }
        if (details.isEmpty()) {
            return List.of();
        }
        return List.of(Detection.of(id(), new ArrayList<>(evidence), String.join(" ", details)));
    }

    /**
     * {@code lspci -v} prints {@code IOMMU group: N} under each function: several functions of one
     * listing with the target's number are its group, whatever else the paste lacks.
     */
    private static void lspciGroups(Facts facts, List<PciAddress> targets, Set<String> evidence, List<String> details) {
        for (PastePart part : facts.parts()) {
            if (!(facts.output(part).orElse(null) instanceof LspciOutput lspci)) {
                continue;
            }
            java.util.Map<Integer, List<GroupMember>> byGroup = new java.util.TreeMap<>();
            for (LspciDevice d : lspci.devices()) {
                if (d.iommuGroup() != null) {
                    byGroup.computeIfAbsent(d.iommuGroup(), k -> new ArrayList<>()).add(new GroupMember(d.address(),
                            d.className(), d.classCode(), d.description(), d.vendorDevice(), false));
                }
            }
            for (var entry : byGroup.entrySet()) {
                IommuGroup group = new IommuGroup(entry.getKey(), entry.getValue());
                for (GroupMember member : group.members()) {
                    if (targets.stream().noneMatch(t -> t.covers(member.address()))) {
                        continue;
                    }
                    List<GroupMember> foreign = group.foreignEndpointsOf(member);
                    if (!foreign.isEmpty()) {
                        part.quotedLineContaining(member.address().shortForm()).ifPresent(evidence::add);
                        foreign.forEach(f -> part.quotedLineContaining(f.address().shortForm()).ifPresent(evidence::add));
                        part.quotedLineContaining("IOMMU group: " + entry.getKey()).ifPresent(evidence::add);
                        details.add("Group " + entry.getKey() + " holds " + name(member) + " and also "
                                + String.join(", ", foreign.stream().map(GroupNotIsolated::name).toList())
                                + ": they can only go to one VM together, and the host loses them all.");
                        break;
                    }
                }
            }
        }
    }

    // the kernel's own group listing at boot: "pci 0000:01:00.0: Adding to iommu group 1" (5.x and
    // later) or "iommu: Adding device 0000:01:00.0 to group 1" (4.x)
    private static final java.util.regex.Pattern ADDED_TO_GROUP = java.util.regex.Pattern.compile(
            "([0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\\.[0-7]):? (?:Adding to iommu group|to group) (\\d+)\\b");

    /**
     * The boot log lists the groups too, one line per function, with no word on what a function is.
     * lspci in the same paste may describe it; otherwise a function on a bus numbered below the
     * target's is taken for the bridge it hangs off (bridges sit upstream, on lower buses), and only
     * functions on the target's bus or after it count as endpoints that share its group.
     */
    private static void kernelLogGroups(Facts facts, List<PciAddress> targets, Set<String> evidence, List<String> details) {
        if (targets.isEmpty()) {
            return;
        }
        java.util.Map<Integer, List<PciAddress>> byGroup = new java.util.TreeMap<>();
        java.util.Map<PciAddress, String> lineOf = new java.util.HashMap<>();
        for (PastePart part : facts.parts()) {
            if (part.kind() == null || !part.kind().isLog()) {
                continue;
            }
            for (int i = 0; i < part.lines().size(); i++) {
                String line = part.lines().get(i);
                if (!line.contains("group")) {
                    continue;
                }
                java.util.regex.Matcher m = ADDED_TO_GROUP.matcher(line);
                if (m.find()) {
                    java.util.Optional<PciAddress> a = PciAddress.parse(m.group(1));
                    if (a.isPresent() && !lineOf.containsKey(a.get())) {
                        byGroup.computeIfAbsent(Integer.parseInt(m.group(2)), k -> new ArrayList<>()).add(a.get());
                        lineOf.put(a.get(), part.quotedLines().get(i));
                    }
                }
            }
        }
        for (var entry : byGroup.entrySet()) {
            List<GroupMember> members = entry.getValue().stream().map(a -> member(facts, a)).toList();
            IommuGroup group = new IommuGroup(entry.getKey(), members);
            for (GroupMember member : members) {
                if (targets.stream().noneMatch(t -> t.covers(member.address()))) {
                    continue;
                }
                List<GroupMember> foreign = group.foreignEndpointsOf(member).stream()
                        .filter(f -> f.described() || f.address().bus() >= member.address().bus())
                        .toList();
                if (!foreign.isEmpty()) {
                    evidence.add(lineOf.get(member.address()));
                    foreign.forEach(f -> evidence.add(lineOf.get(f.address())));
                    details.add("Group " + entry.getKey() + " holds " + name(member) + " and also "
                            + String.join(", ", foreign.stream().map(GroupNotIsolated::name).toList())
                            + ": they can only go to one VM together, and the host loses them all.");
                    break;
                }
            }
        }
    }

    /** A function of a kernel-log group, described by lspci when the paste has it. */
    private static GroupMember member(Facts facts, PciAddress a) {
        for (LspciOutput lspci : facts.outputs(LspciOutput.class)) {
            java.util.Optional<LspciDevice> d = lspci.device(a);
            if (d.isPresent()) {
                LspciDevice x = d.get();
                return new GroupMember(a, x.className(), x.classCode(), x.description(), x.vendorDevice(), false);
            }
        }
        return new GroupMember(a, null, null, null, null, false);
    }

    /**
     * A bare sysfs path says nothing of what a function is. lspci in the same paste may say it is a
     * bridge; if nothing says, a function on bus 00 is most likely the root port the card hangs off,
     * so it is given the benefit of the doubt (functions on other buses are endpoints).
     */
    private static boolean bridgeOrUnknownOnBusZero(GroupMember m, Facts facts) {
        if (m.described()) {
            return false; // foreignPeersOf already dropped described bridges
        }
        for (LspciOutput lspci : facts.outputs(LspciOutput.class)) {
            java.util.Optional<LspciDevice> d = lspci.device(m.address());
            if (d.isPresent()) {
                return d.get().isBridge();
            }
        }
        return m.address().bus() == 0;
    }

    private static String name(GroupMember m) {
        String what = m.className() != null ? m.className() : m.description();
        return m.address().shortForm() + (what != null ? " (" + what + ")" : "");
    }

    static List<PastePart> listings(Facts facts) {
        List<PastePart> parts = new ArrayList<>(facts.parts(Probe.IOMMU_GROUPS));
        parts.addAll(facts.parts(Probe.PCI_JSON));
        return parts;
    }

    private java.util.Optional<String> quote(PastePart part, PciAddress address) {
        java.util.Optional<String> line = part.quotedLineContaining(address.toString(), address.shortForm());
        if (line.isEmpty() && facts != null) { // a fenced listing under its group header: the next part
            int i = facts.parts().indexOf(part);
            if (i >= 0 && i + 1 < facts.parts().size()) {
                line = facts.parts().get(i + 1).quotedLineContaining(address.toString(), address.shortForm());
            }
        }
        return line;
    }
}
