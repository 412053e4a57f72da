package dev.pcibot.kb.diagnose;

import java.util.List;
import java.util.function.Predicate;

/**
 * The rule tree's steps, in the order of the official guide's troubleshooting: each step names the
 * probe that decides it, whether the paste decided it, and the findings that belong to it (which
 * orders findings of equal severity). The first undecided step gives the next step to ask for.
 */
public enum Stage {
    FIRMWARE_CPU(
            "CPU virtualization (vmx/svm) in firmware",
            Probe.CPU_FLAGS,
            f -> f.has(Probe.CPU_FLAGS) || f.iommuActive() || f.has(Probe.VM_START_ERROR),
            List.of("virtualization-disabled")),
    IOMMU(
            "whether the IOMMU is on",
            Probe.KERNEL_IOMMU,
            f -> f.logShowsIommuStartup() || f.iommuActive() || f.has(Probe.IOMMU_GROUPS) || f.has(Probe.PCI_JSON),
            List.of("iommu-not-enabled", "cmdline-param-typo", "duplicate-cmdline-param", "obsolete-fb-param",
                    "acs-override-enabled", "module-param-ignored", "kernel-regression-suspected")),
    INTERRUPT_REMAPPING(
            "interrupt remapping",
            Probe.IRQ_REMAPPING,
            f -> f.logShowsRemappingStartup() || f.messages().has("irq-remapping-on"),
            List.of("interrupt-remapping-missing", "unsafe-interrupts-needed", "unsafe-interrupts-unneeded")),
    GROUP_ISOLATION(
            "IOMMU group isolation",
            Probe.IOMMU_GROUPS,
            f -> f.has(Probe.IOMMU_GROUPS) || f.has(Probe.PCI_JSON),
            List.of("group-not-isolated", "group-not-viable", "rmrr-ineligible", "rmrr-workaround-in-use")),
    VFIO_MODULES(
            "the vfio modules",
            Probe.VFIO_MODULES,
            f -> f.has(Probe.VFIO_MODULES),
            List.of("vfio-modules-missing")),
    DRIVER_BINDING(
            "which driver holds the device",
            Probe.LSPCI_NNK,
            f -> f.has(Probe.LSPCI_NNK) || f.has(Probe.LSPCI_DEV) || f.has(Probe.LSPCI_VV),
            List.of("host-driver-bound", "vfio-not-bound", "vfio-device-busy-or-denied", "bar-reserve-conflict-efifb",
                    "msi-disabled")),
    VM_CONFIG(
            "the VM configuration",
            Probe.QM_CONFIG,
            f -> f.has(Probe.QM_CONFIG),
            List.of("pcie-on-i440fx", "x-vga-without-ovmf-or-q35", "romfile-path-invalid", "rom-invalid",
                    "rom-not-uefi", "option-rom-hang", "igd-legacy-vga-conflict", "igd-legacy-mode-unsupported",
                    "resizable-bar-enabled")),
    DEVICE_SPECIFIC(
            "device faults and resets",
            Probe.KERNEL_LOG,
            f -> f.parts().stream().anyMatch(p -> p.kind() == Probe.KERNEL_LOG || p.kind() == Probe.VM_START_ERROR),
            List.of("dmar-fault", "dmar-invalidation-timeout", "amd-vi-completion-wait-timeout", "amd-reset-bug",
                    "aer-uncorrected-fatal", "device-inaccessible-d3cold", "flr-timeout", "cannot-reset-device",
                    "irq-flags-mismatch", "bar-restore-loop", "pending-transaction-timeout",
                    "dma-map-beyond-iommu-aperture", "kvm-msr-noise", "kvm-msr-unhandled"));

    private final String checks;
    private final Probe probe;
    private final Predicate<Facts> decided;
    private final List<String> findingIds;

    Stage(String checks, Probe probe, Predicate<Facts> decided, List<String> findingIds) {
        this.checks = checks;
        this.probe = probe;
        this.decided = decided;
        this.findingIds = findingIds;
    }

    /** What this step checks, for "not checked" lists. */
    public String checks() {
        return checks;
    }

    /** The probe whose output decides it. */
    public Probe probe() {
        return probe;
    }

    /** Whether the paste holds what this step needs. */
    public boolean decidedBy(Facts facts) {
        return decided.test(facts);
    }

    /** The step a finding belongs to; findings not listed sort last. */
    public static int orderOf(String findingId) {
        for (Stage s : values()) {
            if (s.findingIds.contains(findingId)) {
                return s.ordinal();
            }
        }
        return values().length;
    }
}
