package dev.pcibot.kb.diagnose.parse;

import java.util.List;

/**
 * One line of {@code lsmod}: {@code vfio_pci_core 86016 1 vfio_pci}.
 *
 * @param name as printed (lsmod prints underscores)
 * @param size bytes
 * @param useCount the "Used by" count
 * @param usedBy the modules named after the count
 */
public record LoadedModule(String name, long size, int useCount, List<String> usedBy) {
    public LoadedModule {
        usedBy = List.copyOf(usedBy);
    }

    public boolean is(String module) {
        return ModuleName.same(name, module);
    }
}
