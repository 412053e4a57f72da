package dev.pcibot.kb.diagnose;

import dev.pcibot.kb.diagnose.parse.CmdlineParser;
import dev.pcibot.kb.diagnose.parse.CpuFlagsParser;
import dev.pcibot.kb.diagnose.parse.IommuGroupsParser;
import dev.pcibot.kb.diagnose.parse.KernelLogParser;
import dev.pcibot.kb.diagnose.parse.LspciParser;
import dev.pcibot.kb.diagnose.parse.ModulesParser;
import dev.pcibot.kb.diagnose.parse.QmConfigParser;
import dev.pcibot.kb.diagnose.parse.UnameParser;
import dev.pcibot.kb.diagnose.parse.ParsedOutput;
import dev.pcibot.kb.diagnose.parse.Parser;
import dev.pcibot.kb.diagnose.parse.PveVersionParser;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The closed probe catalogue (shared/design/probes.md section 1): each diagnostic command we ask a
 * user to run and paste, or run on an authorized node, with why we ask and the parser for its
 * output. Paste or probe, the output goes through the same parser. Ids are stable once shipped; add
 * the next probe here, with its signature in {@link LineSignatures} and command in {@link
 * PromptCommands}.
 */
public enum Probe {
    KERNEL_IOMMU(
            "kernel-iommu",
            "dmesg | grep -e DMAR -e IOMMU -e AMD-Vi",
            "shows whether the IOMMU came up (DMAR / AMD-Vi lines)",
            null),
    IRQ_REMAPPING(
            "irq-remapping",
            "dmesg | grep -i remapping",
            "shows whether interrupt remapping is enabled",
            null),
    KERNEL_LOG(
            "kernel-log",
            "journalctl -k -b 0 --no-pager",
            "the whole kernel log of this boot: IOMMU start-up, device errors, resets, BAR conflicts",
            null),
    VM_START_ERROR(
            "vm-start-error",
            "qm start <VMID>",
            "the exact error QEMU gives when the VM starts",
            null),
    IOMMU_GROUPS(
            "iommu-groups",
            "find /sys/kernel/iommu_groups/ -type l | sort -V",
            "shows which devices share an IOMMU group with the device to pass through",
            new IommuGroupsParser()),
    PCI_JSON(
            "pci-json",
            "pvesh get /nodes/$(hostname)/hardware/pci --pci-class-blacklist \"\" --output-format json",
            "lists every PCI device with its IOMMU group, as Proxmox VE sees it",
            new IommuGroupsParser()),
    LSPCI_NNK(
            "lspci-nnk",
            "lspci -nnk",
            "shows which driver holds each PCI device (Kernel driver in use)",
            new LspciParser()),
    LSPCI_DEV(
            "lspci-dev",
            "lspci -nnk -s <PCI>",
            "shows the driver and ids of the device to pass through",
            new LspciParser()),
    LSPCI_VV(
            "lspci-vv",
            "lspci -vv -nn -s <PCI>",
            "shows the device's capabilities: MSI, reset support, resizable BAR, IOMMU group",
            new LspciParser()),
    VFIO_MODULES(
            "vfio-modules",
            "lsmod | grep vfio",
            "shows whether the vfio, vfio_pci and vfio_iommu_type1 modules are loaded",
            new ModulesParser()),
    CMDLINE(
            "cmdline",
            "cat /proc/cmdline",
            "shows the kernel parameters the host actually booted with",
            new CmdlineParser()),
    MODPROBE_CONF(
            "modprobe-conf",
            "cat /etc/modprobe.d/*.conf /etc/modules",
            "shows vfio-pci ids, blacklists, softdeps and allow_unsafe_interrupts",
            new ModulesParser()),
    QM_CONFIG(
            "qm-config",
            "qm config <VMID>",
            "shows the VM's hostpci entries, machine type, BIOS and display",
            new QmConfigParser()),
    NODE_STATUS(
            "node-status",
            "uname -r",
            "shows the running kernel release",
            new UnameParser()),
    VERSION(
            "version",
            "pveversion -v",
            "shows the Proxmox VE, kernel and QEMU versions",
            new PveVersionParser()),
    CPU_FLAGS(
            "cpu-flags",
            "egrep -c '(vmx|svm)' /proc/cpuinfo",
            "counts CPU threads with hardware virtualization (0 = off in firmware or unsupported)",
            new CpuFlagsParser());

    private final String id;
    private final String command;
    private final String why;
    private final @Nullable Parser<? extends ParsedOutput> parser;

    Probe(String id, String command, String why, @Nullable Parser<? extends ParsedOutput> parser) {
        this.id = id;
        this.command = command;
        this.why = why;
        this.parser = parser;
    }

    /** The catalogue id ({@code lspci-nnk}). */
    public String id() {
        return id;
    }

    /** The command, with {@code <VMID>} or {@code <PCI>} where it takes an argument. */
    public String command() {
        return command;
    }

    /** The command with its argument filled in when known. */
    public String command(@Nullable String argument) {
        if (argument == null) {
            return command;
        }
        return command.replace("<VMID>", argument).replace("<PCI>", argument);
    }

    /** What its output decides, in words for the user. */
    public String why() {
        return why;
    }

    /** Whether the output is a kernel or QEMU log that goes through the message pattern table. */
    public boolean isLog() {
        return this == KERNEL_IOMMU || this == IRQ_REMAPPING || this == KERNEL_LOG || this == VM_START_ERROR;
    }

    /** The parser for its output. */
    public Optional<Parser<? extends ParsedOutput>> parser() {
        if (isLog()) {
            return Optional.of(KERNEL_LOG_PARSER);
        }
        return Optional.ofNullable(parser);
    }

    /** The probe with this catalogue id. */
    public static Optional<Probe> byId(String id) {
        for (Probe p : values()) {
            if (p.id.equals(id)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    // enum constants cannot refer to a static field in their own constructor arguments
    private static final KernelLogParser KERNEL_LOG_PARSER = new KernelLogParser();
}
