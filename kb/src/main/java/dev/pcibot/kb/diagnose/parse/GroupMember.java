package dev.pcibot.kb.diagnose.parse;

import org.jspecify.annotations.Nullable;

import java.util.Locale;

/**
 * One PCI function in an IOMMU group listing. A bare sysfs path gives only the address; the shell
 * loops add the {@code lspci -nns} line; pvesh adds codes and (verbose) names.
 *
 * @param address domain form ({@code 0000:01:00.0})
 * @param className {@code VGA compatible controller} (shell loops only)
 * @param classCode {@code 0300} (from {@code [0300]} or pvesh {@code 0x030000})
 * @param description vendor and device name ({@code NVIDIA Corporation GP104 [GeForce GTX 1080]})
 * @param vendorDevice {@code 10de:1b80}
 * @param mdevCapable pvesh {@code mdev: 1}: the device offers mediated devices (vGPU, GVT-g)
 */
public record GroupMember(
        PciAddress address,
        @Nullable String className,
        @Nullable String classCode,
        @Nullable String description,
        @Nullable String vendorDevice,
        boolean mdevCapable) {

    static GroupMember of(PciAddress address) {
        return new GroupMember(address, null, null, null, null, false);
    }

    static GroupMember of(LspciHeader h) {
        String ids = h.vendorId() == null ? null : h.vendorId() + ":" + h.deviceId();
        String description = h.description().isEmpty() ? null : h.description();
        return new GroupMember(h.address(), h.className(), h.classCode(), description, ids, false);
    }

    /**
     * A bridge or root port (class 06xx): it sits in the group without breaking isolation. The
     * official guide: "It is okay if the device is in an IOMMU group together with ... its root
     * port or PCI(e) bridge."
     */
    public boolean isBridge() {
        return classCode != null
                ? classCode.startsWith("06")
                : className != null && className.toLowerCase(Locale.ROOT).contains("bridge");
    }

    /** True when the listing told what the function is (more than its address). */
    public boolean described() {
        return classCode != null || className != null || description != null;
    }
}
