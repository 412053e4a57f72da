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
    /**
     * The endpoints in this group that are not part of {@code member}'s own device: not bridges, and
     * not its companion functions. A function of the same slot is a companion when it has the same
     * PCI vendor and is not a Virtual Function where the member is not (or the reverse): an APU's
     * PSP and USB functions (AMD 1022) beside its GPU (ATI 1002), or a NIC's SR-IOV VFs beside its
     * PFs, are different devices that merely share a slot. Unknown vendors count as companions.
     */
    public List<GroupMember> foreignEndpointsOf(GroupMember member) {
        return members.stream()
                .filter(m -> !m.address().equals(member.address()))
                .filter(m -> !m.isBridge())
                .filter(m -> !(m.address().sameSlot(member.address()) && companions(m, member)))
                .toList();
    }

    private static boolean companions(GroupMember a, GroupMember b) {
        String va = a.vendorDevice(), vb = b.vendorDevice();
        boolean sameVendor = va == null || vb == null || va.regionMatches(true, 0, vb, 0, 4);
        return sameVendor && virtualFunction(a) == virtualFunction(b);
    }

    private static boolean virtualFunction(GroupMember m) {
        return m.description() != null && m.description().contains("Virtual Function");
    }

    public List<GroupMember> foreignPeersOf(PciAddress address) {
        return members.stream()
                .filter(m -> !m.address().sameSlot(address))
                .filter(m -> !m.isBridge())
                .toList();
    }
}
