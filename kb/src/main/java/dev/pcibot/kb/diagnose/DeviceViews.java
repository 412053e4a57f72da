package dev.pcibot.kb.diagnose;

import dev.pcibot.kb.diagnose.parse.GroupMember;
import dev.pcibot.kb.diagnose.parse.HostPci;
import dev.pcibot.kb.diagnose.parse.IommuGroup;
import dev.pcibot.kb.diagnose.parse.IommuGroupsOutput;
import dev.pcibot.kb.diagnose.parse.LspciDevice;
import dev.pcibot.kb.diagnose.parse.LspciOutput;
import dev.pcibot.kb.diagnose.parse.PciAddress;
import dev.pcibot.kb.diagnose.parse.QmConfigOutput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Joins every output of a paste into one view per PCI function: what it is (lspci, the group
 * listing, else pci.ids), its IOMMU group and what else shares it, the driver holding it, the VMs
 * whose hostpci entries want it, and the model's known trouble.
 */
final class DeviceViews {
    /** A big lspci or group listing would drown the reply: show the devices that matter first. */
    static final int MAX_DEVICES = 64;

    private DeviceViews() {}

    static List<DeviceView> of(Facts facts) {
        Map<PciAddress, Builder> byAddress = new LinkedHashMap<>();
        for (LspciOutput lspci : facts.outputs(LspciOutput.class)) {
            for (LspciDevice d : lspci.devices()) {
                Builder b = byAddress.computeIfAbsent(d.address(), Builder::new);
                b.vendorDevice = first(b.vendorDevice, d.vendorDevice());
                b.description = first(b.description,
                        d.className() == null ? d.description() : d.className() + ": " + d.description());
                b.driver = first(b.driver, d.driverInUse());
                if (b.modules.isEmpty()) {
                    b.modules.addAll(d.kernelModules());
                }
                if (d.iommuGroup() != null && b.group == null) {
                    b.group = d.iommuGroup();
                }
            }
        }
        for (IommuGroupsOutput groups : facts.outputs(IommuGroupsOutput.class)) {
            for (IommuGroup g : groups.groups()) {
                for (GroupMember m : g.members()) {
                    Builder b = byAddress.computeIfAbsent(m.address(), Builder::new);
                    b.group = g.number();
                    b.vendorDevice = first(b.vendorDevice, m.vendorDevice());
                    b.description = first(b.description, m.description());
                    g.members().stream().filter(o -> !o.address().equals(m.address()))
                            .map(o -> o.address().toString())
                            .filter(a -> !b.peers.contains(a))
                            .forEach(b.peers::add);
                }
            }
        }
        for (QmConfigOutput qm : facts.outputs(QmConfigOutput.class)) {
            String vm = facts.parts(Probe.QM_CONFIG).stream().filter(p -> facts.output(p).orElse(null) == qm)
                    .map(PastePart::argument).filter(a -> a != null).findFirst().orElse("VM");
            for (HostPci h : qm.hostPcis()) {
                for (PciAddress wanted : h.hostAddresses()) {
                    List<Builder> covered = byAddress.values().stream().filter(b -> wanted.covers(b.address)).toList();
                    if (covered.isEmpty()) {
                        covered = List.of(byAddress.computeIfAbsent(wanted, Builder::new));
                    }
                    covered.forEach(b -> b.wantedBy.add(vm + " hostpci" + h.index()));
                }
            }
        }
        List<DeviceView> views = new ArrayList<>();
        for (Builder b : byAddress.values()) {
            views.add(b.build());
        }
        // the devices a VM wants, or with a known trouble, first
        views.sort((a, b) -> Boolean.compare(interesting(b), interesting(a)));
        return views.stream().limit(MAX_DEVICES).toList();
    }

    private static boolean interesting(DeviceView v) {
        return !v.wantedBy().isEmpty() || v.knownIssue() != null || "vfio-pci".equals(v.driverInUse());
    }

    private static @Nullable String first(@Nullable String current, @Nullable String candidate) {
        return current != null ? current : candidate;
    }

    private static final class Builder {
        final PciAddress address;
        @Nullable String vendorDevice;
        @Nullable String description;
        @Nullable Integer group;
        final List<String> peers = new ArrayList<>();
        @Nullable String driver;
        final List<String> modules = new ArrayList<>();
        final List<String> wantedBy = new ArrayList<>();

        Builder(PciAddress address) {
            this.address = address;
        }

        DeviceView build() {
            String name = description;
            if (name == null && vendorDevice != null) {
                name = PciIds.get().name(vendorDevice).orElse(null);
            }
            String issue = vendorDevice == null ? null
                    : KnownDevices.of(vendorDevice).map(k -> k.findingId() + ": " + k.model() + "; " + k.note()).orElse(null);
            return new DeviceView(address.toString(), vendorDevice, name, group, peers, driver, modules, wantedBy, issue);
        }
    }
}
