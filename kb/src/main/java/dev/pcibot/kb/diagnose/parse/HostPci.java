package dev.pcibot.kb.diagnose.parse;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One {@code hostpciN} entry of a VM config: {@code hostpci0: 0000:01:00,pcie=1,x-vga=1}. Syntax
 * (qemu-server PCI.pm): {@code [[host=]ID[;ID2...]][,mapping=NAME][,pcie=][,x-vga=]
 * [,rombar=][,romfile=][,mdev=][,legacy-igd=]...}; an ID may leave out domain and function.
 *
 * @param index N of hostpciN
 * @param hosts the host ids as written ({@code 0000:01:00}, {@code 01:00.0;01:00.1})
 * @param hostAddresses the ids as addresses ({@code 01:00} names all functions)
 * @param mapping a cluster resource mapping name instead of host ids
 * @param options every {@code key=value} option as written
 * @param raw the value as written
 */
public record HostPci(
        int index,
        List<String> hosts,
        List<PciAddress> hostAddresses,
        @Nullable String mapping,
        Map<String, String> options,
        String raw) {
    private static final Set<String> TRUE = Set.of("1", "on", "yes", "true");

    public HostPci {
        hosts = List.copyOf(hosts);
        hostAddresses = List.copyOf(hostAddresses);
        options = Map.copyOf(options);
    }

    /** {@code pcie=1}: the device sits on a PCIe port, which only q35 machines have. */
    public boolean pcie() {
        return flag("pcie");
    }

    /** {@code x-vga=1}: the device is the VM's primary GPU. */
    public boolean xVga() {
        return flag("x-vga");
    }

    /** {@code legacy-igd=1}: Intel IGD in legacy mode (must sit at guest 00:02.0). */
    public boolean legacyIgd() {
        return flag("legacy-igd");
    }

    /** {@code rombar=0|1}; empty when not set (default on). */
    public Optional<Boolean> rombar() {
        return Optional.ofNullable(options.get("rombar")).map(TRUE::contains);
    }

    /** {@code romfile=}: a file name relative to /usr/share/kvm/. */
    public Optional<String> romfile() {
        return Optional.ofNullable(options.get("romfile"));
    }

    /** {@code mdev=}: the mediated device type (vGPU, GVT-g). */
    public Optional<String> mdev() {
        return Optional.ofNullable(options.get("mdev"));
    }

    /** True when a host id leaves out the function: every function of the card is passed. */
    public boolean allFunctions() {
        return hostAddresses.stream().anyMatch(PciAddress::allFunctions);
    }

    /** True when this entry passes the function at {@code address} to the VM. */
    public boolean covers(PciAddress address) {
        return hostAddresses.stream().anyMatch(a -> a.covers(address));
    }

    private boolean flag(String key) {
        String value = options.get(key);
        return value != null && TRUE.contains(value.toLowerCase());
    }
}
