package dev.pcibot.kb.diagnose;

import dev.pcibot.kb.diagnose.parse.LspciDevice;
import dev.pcibot.kb.diagnose.parse.LspciOutput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins every output of a paste into one view per PCI function: what it is, its IOMMU group and
 * what shares it, the driver holding it, the VM that wants it.
 */
final class DeviceViews {
    private DeviceViews() {}

    static List<DeviceView> of(Facts facts) {
        Map<String, DeviceView> byAddress = new LinkedHashMap<>();
        for (LspciOutput lspci : facts.outputs(LspciOutput.class)) {
            for (LspciDevice d : lspci.devices()) {
                String address = d.address().toString();
                byAddress.putIfAbsent(address, view(d));
            }
        }
        return new ArrayList<>(byAddress.values());
    }

    private static DeviceView view(LspciDevice d) {
        String description = d.className() == null ? d.description() : d.className() + ": " + d.description();
        return new DeviceView(d.address().toString(), d.vendorDevice(), description, d.iommuGroup(), List.of(),
                d.driverInUse(), d.kernelModules(), List.of(), null);
    }
}
