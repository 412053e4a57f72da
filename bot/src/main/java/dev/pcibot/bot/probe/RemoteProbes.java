package dev.pcibot.bot.probe;

import dev.pcibot.kb.diagnose.Probe;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The probes that may run on a node (probes.md D1): a closed subset of the {@link Probe}
 * catalogue, each with the one kind of argument it takes. The whole-log and start-error probes
 * are pasted only; the bot never runs them.
 */
public final class RemoteProbes {
    // keep in the order of probes.md section 1: it is the order of the /probe choices
    private static final Map<Probe, ArgumentKind> ARGUMENTS = orderedArguments();
    private static final List<Probe> ALL = List.copyOf(ARGUMENTS.keySet());

    private RemoteProbes() {}

    private static Map<Probe, ArgumentKind> orderedArguments() {
        java.util.LinkedHashMap<Probe, ArgumentKind> m = new java.util.LinkedHashMap<>();
        m.put(Probe.KERNEL_IOMMU, ArgumentKind.NONE);
        m.put(Probe.IRQ_REMAPPING, ArgumentKind.NONE);
        m.put(Probe.IOMMU_GROUPS, ArgumentKind.NONE);
        m.put(Probe.PCI_JSON, ArgumentKind.NONE);
        m.put(Probe.LSPCI_NNK, ArgumentKind.NONE);
        m.put(Probe.LSPCI_DEV, ArgumentKind.PCI);
        m.put(Probe.LSPCI_VV, ArgumentKind.PCI);
        m.put(Probe.VFIO_MODULES, ArgumentKind.NONE);
        m.put(Probe.CMDLINE, ArgumentKind.NONE);
        m.put(Probe.MODPROBE_CONF, ArgumentKind.NONE);
        m.put(Probe.QM_CONFIG, ArgumentKind.VMID);
        m.put(Probe.NODE_STATUS, ArgumentKind.NONE);
        m.put(Probe.VERSION, ArgumentKind.NONE);
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Every probe a node may run, in catalogue order. */
    public static List<Probe> all() {
        return ALL;
    }

    /** The runnable probe with this catalogue id ({@code qm-config}); empty for any other text. */
    public static Optional<Probe> byId(String id) {
        return Probe.byId(id).filter(ARGUMENTS::containsKey);
    }

    /** The argument it takes; {@link ArgumentKind#NONE} for most. */
    public static ArgumentKind argument(Probe probe) {
        ArgumentKind kind = ARGUMENTS.get(probe);
        if (kind == null) {
            throw new IllegalArgumentException(probe.id() + " is not run on nodes");
        }
        return kind;
    }
}
