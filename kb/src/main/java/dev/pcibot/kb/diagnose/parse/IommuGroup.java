package dev.pcibot.kb.diagnose.parse;

import java.util.List;
import java.util.Optional;

/**
 * One IOMMU group and its functions, the unit the kernel hands to a VM whole.
 *
 * @param number the group number ({@code /sys/kernel/iommu_groups/N})
 * @param members its functions, in the order listed
 */
public record IommuGroup(int number, List<GroupMember> members) {
    public IommuGroup {
        members = List.copyOf(members);
    }

    public Optional<GroupMember> member(PciAddress address) {
        return members.stream().filter(m -> m.address().equals(address)).findFirst();
    }

    /**
     * The members that break isolation for {@code address}: everything except the function itself,
     * the other functions of the same card, and bridges/root ports. Empty means the device is
     * isolated enough to pass through.
     */
    public List<GroupMember> foreignPeersOf(PciAddress address) {
        return members.stream()
                .filter(m -> !m.address().sameSlot(address))
                .filter(m -> !m.isBridge())
                .toList();
    }
}
