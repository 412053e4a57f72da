package dev.pcibot.kb.diagnose;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The joined picture of one PCI function across every output in the paste: what it is, which
 * IOMMU group it sits in and what shares it, which driver holds it, which VM wants it.
 * Fields are null where no output in the paste told.
 *
 * @param address PCI address, domain included ({@code 0000:01:00.0})
 * @param vendorDevice {@code 10de:1b80}
 * @param description class and name as printed or looked up in pci.ids
 * @param iommuGroup the group number
 * @param groupPeers other functions in the same group (addresses)
 * @param driverInUse {@code Kernel driver in use:}
 * @param kernelModules {@code Kernel modules:}
 * @param wantedBy VMs whose configuration passes it through ({@code 100 hostpci0})
 * @param knownIssue a known trouble of this model (e.g. the AMD reset bug), if any
 */
public record DeviceView(
        String address,
        @Nullable String vendorDevice,
        @Nullable String description,
        @Nullable Integer iommuGroup,
        List<String> groupPeers,
        @Nullable String driverInUse,
        List<String> kernelModules,
        List<String> wantedBy,
        @Nullable String knownIssue) {
    public DeviceView {
        groupPeers = List.copyOf(groupPeers);
        kernelModules = List.copyOf(kernelModules);
        wantedBy = List.copyOf(wantedBy);
    }
}
