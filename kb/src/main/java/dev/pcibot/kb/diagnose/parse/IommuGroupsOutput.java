package dev.pcibot.kb.diagnose.parse;

import java.util.List;
import java.util.Optional;

/**
 * The IOMMU groups a listing showed ({@code find /sys/kernel/iommu_groups/ -type l}, the shell
 * loops, {@code pvesh get /nodes/NODE/hardware/pci} as table or JSON).
 *
 * @param groups groups by ascending number
 * @param ungrouped functions pvesh listed with {@code iommugroup -1}: the IOMMU is not active
 * @param format which listing it was
 * @param unparsed lines not understood
 */
public record IommuGroupsOutput(
        List<IommuGroup> groups, List<GroupMember> ungrouped, Format format, List<String> unparsed)
        implements ParsedOutput {

    /** Which command printed the listing. */
    public enum Format {
        SYSFS_PATHS,
        SHELL_LOOP,
        PVESH_TABLE,
        PVESH_JSON,
        EMPTY
    }

    public IommuGroupsOutput {
        groups = List.copyOf(groups);
        ungrouped = List.copyOf(ungrouped);
        unparsed = List.copyOf(unparsed);
    }

    /**
     * True when at least one group exists. An empty {@code /sys/kernel/iommu_groups} or every pvesh
     * {@code iommugroup} at {@code -1} means the IOMMU is off (firmware or kernel parameter).
     */
    public boolean iommuActive() {
        return !groups.isEmpty();
    }

    public Optional<IommuGroup> group(int number) {
        return groups.stream().filter(g -> g.number() == number).findFirst();
    }

    /** The group holding {@code address} ({@code 01:00.0} or {@code 0000:01:00.0}). */
    public Optional<IommuGroup> groupOf(String address) {
        return PciAddress.parse(address).flatMap(this::groupOf);
    }

    public Optional<IommuGroup> groupOf(PciAddress address) {
        return groups.stream().filter(g -> g.member(address).isPresent()).findFirst();
    }

    /** Every function listed, grouped or not. */
    public List<GroupMember> members() {
        return java.util.stream.Stream.concat(
                        groups.stream().flatMap(g -> g.members().stream()), ungrouped.stream())
                .toList();
    }
}
