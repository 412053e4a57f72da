package dev.pcibot.kb.diagnose.parse;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One PCI function as {@code lspci} described it. What lspci was not asked for stays null or empty:
 * without {@code -k} there is no driver line, without {@code -nn} no ids, without root no
 * capabilities (see {@link #capabilitiesDenied()}).
 *
 * @param address the address, domain form ({@code 0000:01:00.0})
 * @param className {@code VGA compatible controller}
 * @param classCode {@code 0300}
 * @param description vendor and device name as printed ({@code NVIDIA Corporation GP104 [GeForce
 *     GTX 1080]})
 * @param vendorId {@code 10de}
 * @param deviceId {@code 1b80}
 * @param revision {@code a1}
 * @param progIf programming interface ({@code 00}, {@code 30} for xHCI)
 * @param subsystem the {@code Subsystem:} text without its ids
 * @param subsystemIds {@code 1462:3362}
 * @param driverInUse {@code Kernel driver in use:}
 * @param kernelModules {@code Kernel modules:} (modules able to drive it)
 * @param iommuGroup from {@code IOMMU group: 1} ({@code -vv}) or {@code Flags: ..., IOMMU group 1}
 * @param regions BAR and ROM lines ({@code Region 1: Memory at c0000000 (64-bit, prefetchable)
 *     [size=256M]}, {@code Expansion ROM at ...})
 * @param capabilities the {@code Capabilities:} blocks of {@code -vv}
 * @param capabilitiesDenied lspci printed {@code Capabilities: <access denied>} (not run as root)
 * @param details the other {@code Key: value} lines as printed ({@code Control: ...})
 */
public record LspciDevice(
        PciAddress address,
        @Nullable String className,
        @Nullable String classCode,
        String description,
        @Nullable String vendorId,
        @Nullable String deviceId,
        @Nullable String revision,
        @Nullable String progIf,
        @Nullable String subsystem,
        @Nullable String subsystemIds,
        @Nullable String driverInUse,
        List<String> kernelModules,
        @Nullable Integer iommuGroup,
        List<String> regions,
        List<PciCapability> capabilities,
        boolean capabilitiesDenied,
        List<String> details) {
    public LspciDevice {
        kernelModules = List.copyOf(kernelModules);
        regions = List.copyOf(regions);
        capabilities = List.copyOf(capabilities);
        details = List.copyOf(details);
    }

    /** {@code 10de:1b80}, or null without {@code -nn}/{@code -n}. */
    public @Nullable String vendorDevice() {
        return vendorId == null || deviceId == null ? null : vendorId + ":" + deviceId;
    }

    /** A display controller (class 03xx, or "VGA", "3D", "Display" in the class name). */
    public boolean isDisplay() {
        return classCode != null
                ? classCode.startsWith("03")
                : className != null && className.matches("(?i).*\\b(VGA|3D|Display)\\b.*");
    }

    /** A bridge or root port (class 06xx): it does not break group isolation. */
    public boolean isBridge() {
        return classCode != null
                ? classCode.startsWith("06")
                : className != null && className.toLowerCase(Locale.ROOT).contains("bridge");
    }

    /** The first capability whose name starts with {@code prefix} ({@code "MSI:"}). */
    public Optional<PciCapability> capability(String prefix) {
        return capabilities.stream().filter(c -> c.is(prefix)).findFirst();
    }

    /**
     * {@code MSI: Enable+} / {@code Enable-}; empty when the device has no MSI capability shown.
     */
    public Optional<Boolean> msiEnabled() {
        return capability("MSI:").flatMap(c -> c.flag(null, "Enable"));
    }

    /** {@code MSI-X: Enable+} / {@code Enable-}; empty when not shown. */
    public Optional<Boolean> msixEnabled() {
        return capability("MSI-X:").flatMap(c -> c.flag(null, "Enable"));
    }

    /**
     * Function-level reset support, from {@code DevCap: ... FLReset+}. Only DevCap counts: the
     * {@code FLReset-} under DevCtl is the "start a reset now" bit, always minus at rest.
     */
    public Optional<Boolean> flrSupported() {
        return capability("Express").flatMap(c -> c.flag("DevCap:", "FLReset"));
    }

    /**
     * The Resizable BAR capability ({@code Physical Resizable BAR}, older pciutils {@code Resizable
     * BAR <?>}).
     */
    public Optional<PciCapability> resizableBar() {
        return capabilities.stream().filter(c -> c.name().contains("Resizable BAR")).findFirst();
    }

    /** The Access Control Services capability (ACSCap/ACSCtl lines), if shown. */
    public Optional<PciCapability> acs() {
        return capability("Access Control Services");
    }

    /** The value of the first detail line with this key ({@code "Control"}). */
    public Optional<String> detail(String key) {
        String prefix = key + ":";
        return details.stream()
                .filter(d -> d.startsWith(prefix))
                .map(d -> d.substring(prefix.length()).strip())
                .findFirst();
    }
}
