package dev.pcibot.kb.diagnose.parse;

import java.util.List;
import java.util.Optional;

/**
 * What {@code lspci} (any of {@code -nn}, {@code -k}, {@code -nnk}, {@code -vv}, {@code -vmmkn},
 * {@code -s}) said about the functions it listed.
 *
 * @param devices the functions in the order printed
 * @param warnings lspci's own complaints ({@code pcilib: sysfs_read_vpd: read failed ...})
 * @param unparsed lines not understood
 */
public record LspciOutput(List<LspciDevice> devices, List<String> warnings, List<String> unparsed)
        implements ParsedOutput {
    public LspciOutput {
        devices = List.copyOf(devices);
        warnings = List.copyOf(warnings);
        unparsed = List.copyOf(unparsed);
    }

    /** The function at {@code address}, given as {@code 01:00.0} or {@code 0000:01:00.0}. */
    public Optional<LspciDevice> device(String address) {
        return PciAddress.parse(address).flatMap(this::device);
    }

    public Optional<LspciDevice> device(PciAddress address) {
        return devices.stream().filter(d -> d.address().equals(address)).findFirst();
    }

    /** Every function named by {@code address}; {@code 01:00} names all functions of the card. */
    public List<LspciDevice> devicesCoveredBy(PciAddress address) {
        return devices.stream().filter(d -> address.covers(d.address())).toList();
    }

    /** Functions with this vendor:device id ({@code 10de:1b80}). */
    public List<LspciDevice> devicesWithId(String vendorDevice) {
        return devices.stream()
                .filter(d -> vendorDevice.equalsIgnoreCase(d.vendorDevice()))
                .toList();
    }

    /**
     * True when the output came from {@code -k}: some device shows a driver or modules line. Only
     * then does a missing {@code Kernel driver in use:} line mean "no driver bound".
     */
    public boolean showsKernelDrivers() {
        return devices.stream()
                .anyMatch(d -> d.driverInUse() != null || !d.kernelModules().isEmpty());
    }

    /** True when the output came from {@code -vv} run as root (some capability block is shown). */
    public boolean showsCapabilities() {
        return devices.stream().anyMatch(d -> !d.capabilities().isEmpty());
    }
}
