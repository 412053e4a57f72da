package dev.pcibot.kb.diagnose.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Gathers group members while a listing is read; a function listed twice is kept once. */
final class GroupCollector {
    private final Map<Integer, Map<PciAddress, GroupMember>> groups = new TreeMap<>();
    private final Map<PciAddress, GroupMember> ungrouped = new LinkedHashMap<>();
    final List<String> unparsed = new ArrayList<>();

    /** Adds a member; a negative group (pvesh {@code -1}) means "no IOMMU group". */
    void add(int group, GroupMember member) {
        Map<PciAddress, GroupMember> target =
                group < 0 ? ungrouped : groups.computeIfAbsent(group, g -> new LinkedHashMap<>());
        // a described entry (from lspci) beats a bare address for the same function
        target.merge(member.address(), member, (old, now) -> old.described() ? old : now);
    }

    /** Replaces what is known of a member (a wrapped lspci line, now glued back together). */
    void replace(int group, GroupMember member) {
        groups.computeIfAbsent(group, g -> new LinkedHashMap<>()).put(member.address(), member);
    }

    /** A group header with no member yet ({@code IOMMU Group 7:}). */
    void open(int group) {
        groups.computeIfAbsent(group, g -> new LinkedHashMap<>());
    }

    IommuGroupsOutput build(IommuGroupsOutput.Format format) {
        List<IommuGroup> list = new ArrayList<>();
        groups.forEach((n, members) -> list.add(new IommuGroup(n, List.copyOf(members.values()))));
        return new IommuGroupsOutput(list, List.copyOf(ungrouped.values()), format, unparsed);
    }
}
