package dev.pcibot.kb.diagnose;

import dev.pcibot.kb.diagnose.parse.KernelLogParser;
import com.google.re2j.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Tells, from one line alone, which probe's output it looks like: used where a paste has no prompt
 * to say what follows. {@link #kindOf} answers only for lines that are typical of one output; {@link
 * #fits} says whether a line can belong to output already under way (indented lspci detail,
 * comments, JSON brackets), so that such lines do not start a new part.
 */
final class LineSignatures {
    // a subsystem name, then what kernel messages put after it: ":", " 0000:01:00.0:", " [1234]:"
    // (a bare "vfio_pci   16384  0" is lsmod, not a message)
    private static final Pattern KERNEL_MESSAGE =
            Pattern.compile(
                    "^(?:DMAR|DMAR-IR|AMD-Vi|iommu|pci|pcieport|vfio|vfio-pci|vfio_pci|vfio_iommu_type1|x2apic|kvm"
                            + "|kvm_amd|kvm_intel|genirq|amdgpu|nvidia|nouveau|radeon|i915|snd_hda_intel|xhci_hcd|ACPI"
                            + "|AER|perf/amd_iommu|Kernel command line|Command line|efifb|simple-framebuffer"
                            + "|vendor-reset|vendor_reset)[\\w-]*(?::| [0-9A-Fa-f]{4}:| \\[\\d+\\]:).*"
                            + "|^Linux version \\d.*");
    private static final Pattern QEMU_ERROR =
            Pattern.compile(
                    "^(?:(?:kvm|qemu-system-\\w+): |TASK ERROR:|start failed|Error: start failed|QEMU exited"
                            + "|failed to start VM|vfio: error|error writing '1' to).*");
    private static final Pattern LSPCI_DEVICE =
            Pattern.compile("^(?:[0-9A-Fa-f]{4}:)?[0-9A-Fa-f]{2}:[0-9A-Fa-f]{2}\\.[0-7] \\S.*");
    private static final Pattern LSPCI_DETAIL =
            Pattern.compile("^\\s*(?:Kernel driver in use|Kernel modules|Subsystem|DeviceName|Flags|Control"
                    + "|Status|Capabilities|Memory at|I/O ports at|Region \\d|Expansion ROM|IOMMU group|Latency"
                    + "|Interrupt|Bus:|Physical Slot|NUMA node|Kernel modules)\\b.*|^\\t.*|^\\s{2,}\\S.*");
    private static final Pattern GROUP_LISTING =
            Pattern.compile("^(?:/sys/kernel/iommu_groups/\\d+|IOMMU [Gg]roup \\d+|Group\\s+\\d+:?\\s).*");
    private static final Pattern PVESH_ROW =
            Pattern.compile("^[│|]\\s*(?:0x[0-9A-Fa-f]{6}|class)\\s*[│|].*|.*\\biommugroup\\b.*");
    private static final Pattern BOX_BORDER = Pattern.compile("^[┌├└╞╒╘╰╭─═┬┼┴┤┐┘┙┑╡╪│|+\\- ]+$");
    private static final Pattern JSON_FIELD =
            Pattern.compile("^\\s*\\[?\\{?\\s*\"(?:class|device|id|iommugroup|vendor|subsystem_device"
                    + "|subsystem_vendor|device_name|vendor_name|mdev)\"\\s*:.*");
    private static final Pattern JSON_PUNCT = Pattern.compile("^\\s*[\\[\\]{}],?\\s*$");
    private static final Pattern CMDLINE_START = Pattern.compile("^(?:BOOT_IMAGE=|initrd=|root=|GRUB_[A-Z_]+=).*");
    // a bare parameter line (/etc/kernel/cmdline); find() on a plain alternation, no backtracking
    private static final Pattern CMDLINE_PARAM =
            Pattern.compile("(?:^|\\s)(?:intel_iommu|amd_iommu|iommu|pcie_acs_override|initcall_blacklist"
                    + "|vfio-pci\\.ids|vfio_pci\\.ids|video)=");
    private static final Pattern MODPROBE =
            Pattern.compile("^(?:options|blacklist|softdep|install|alias)\\s+\\S+.*|^(?:vfio\\w*|kvm\\w*)\\s*$");
    private static final Pattern LSMOD =
            Pattern.compile("^\\s*Module\\s+Size\\s+Used by.*|^\\s*\\w+\\s+\\d+\\s+\\d+(?:\\s+\\S+)?\\s*$");
    private static final Pattern QM_KEY =
            Pattern.compile("^(?:hostpci\\d+|machine|bios|boot|bootdisk|cores|cpu|memory|net\\d+|scsi\\d+|sata\\d+"
                    + "|ide\\d+|virtio\\d+|efidisk\\d+|vga|ostype|args|sockets|numa|smbios1|vmgenid|name|agent"
                    + "|balloon|meta|scsihw|tpmstate\\d+|usb\\d+|onboot|startup|digest|hotplug|kvm|tablet"
                    + "|affinity|parent|snaptime|description|shares|hookscript|protection|tags|vcpus"
                    + "|audio\\d+|serial\\d+|rng\\d+|hugepages|keephugepages|acpi|localtime|unused\\d+):\\s.*"
                    + "|^\\[[\\w-]+\\]\\s*$");
    private static final Pattern CPU_FLAGS = Pattern.compile("^(?:flags\\s*:.*|\\d{1,4}|Virtuali[sz]ation:.*)$");
    private static final Pattern VERSION =
            Pattern.compile("^(?:proxmox-ve: \\d|pve-manager[:/] ?\\d.*|(?:proxmox-kernel|pve-kernel|qemu-server"
                    + "|pve-qemu-kvm|libpve-\\S+|pve-\\S+|proxmox-\\S+|corosync|ceph\\S*|lxc\\S*|zfsutils-linux"
                    + "|ifupdown2|ksm-control-daemon|libjs-extjs|libknet1|criu|glusterfs-client|lxcfs|novnc-pve"
                    + "|smartmontools|spiceterm|swtpm|vncterm|frr-pythontools|libproxmox\\S*|dnsmasq|gfs2-utils"
                    + "|ebtables|openvswitch-switch|qemu-server|amd64-microcode|intel-microcode|frr"
                    + "|proxmox-backup-\\S+): .*)");
    private static final Pattern UNAME =
            Pattern.compile("^(?:\\d+\\.\\d+\\.\\d+-\\d+-pve|Linux \\S+ \\d+\\.\\d+\\.\\d+\\S* #\\d+ .*)\\s*$");

    private static final int HEAD = 512;

    private LineSignatures() {}

    /** The probe whose output this line is typical of, or null when the line says nothing alone. */
    static @Nullable Probe kindOf(String fullLine) {
        // every signature shows in a line's first characters; looking no further keeps long lines cheap
        String line = fullLine.length() > HEAD ? fullLine.substring(0, HEAD) : fullLine;
        if (line.isBlank()) {
            return null;
        }
        if (!hasMarks(line)) {
            // prose and junk: every signature but a bare module name needs one of the marks, and
            // skipping the regexes keeps a huge paste of junk fast
            return MODPROBE.matcher(line).matches() ? Probe.MODPROBE_CONF : null;
        }
        if (KernelLogParser.hasLogPrefix(line)) {
            return QEMU_ERROR.matcher(KernelLogParser.message(line)).matches() ? Probe.VM_START_ERROR : Probe.KERNEL_LOG;
        }
        if (QEMU_ERROR.matcher(line).matches()) {
            return Probe.VM_START_ERROR;
        }
        if (KERNEL_MESSAGE.matcher(line).matches()) {
            return Probe.KERNEL_LOG;
        }
        if (LSPCI_DEVICE.matcher(line).matches()) {
            return Probe.LSPCI_NNK;
        }
        if (GROUP_LISTING.matcher(line).matches()) {
            return Probe.IOMMU_GROUPS;
        }
        if (PVESH_ROW.matcher(line).matches() || JSON_FIELD.matcher(line).matches()) {
            return Probe.PCI_JSON;
        }
        if (VERSION.matcher(line).matches()) {
            return Probe.VERSION;
        }
        if (UNAME.matcher(line).matches()) {
            return Probe.NODE_STATUS;
        }
        if (CMDLINE_START.matcher(line).matches()
                || (line.indexOf(": ") < 0 && CMDLINE_PARAM.matcher(line).find() && mostlyParams(line))) {
            return Probe.CMDLINE;
        }
        if (MODPROBE.matcher(line).matches()) {
            return Probe.MODPROBE_CONF;
        }
        if (LSMOD.matcher(line).matches()) {
            return Probe.VFIO_MODULES;
        }
        if (QM_KEY.matcher(line).matches()) {
            return Probe.QM_CONFIG;
        }
        if (CPU_FLAGS.matcher(line).matches()) {
            return Probe.CPU_FLAGS;
        }
        return null;
    }

    /** A bare parameter line is mostly name=value tokens; prose naming one parameter is not. */
    private static boolean mostlyParams(String line) {
        String[] tokens = line.strip().split("\\s+");
        long withValue = java.util.Arrays.stream(tokens).filter(t -> t.indexOf('=') > 0).count();
        return withValue * 2 >= tokens.length;
    }

    private static boolean hasMarks(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ':' || c == '=' || c == '/' || c == '[' || c == '{' || c == '"' || c == '|' || c == '│'
                    || (c >= '0' && c <= '9') || c == '─' || c == '═' || c == ']' || c == '}') {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a line's signature is too weak to start a new part under a prompt: a lone number
     * (any count), a bare module name (any grep of module names).
     */
    static boolean weak(@Nullable Probe signature, String line) {
        String s = line.strip();
        return (signature == Probe.CPU_FLAGS && s.matches("\\d{1,6}"))
                || (signature == Probe.MODPROBE_CONF && s.matches("[\\w-]+"));
    }

    /** Whether the line can continue output of this kind (so it does not start a new part). */
    static boolean fits(Probe kind, String line) {
        return fits(kind, line, kindOf(line));
    }

    /** As {@link #fits(Probe, String)}, with the line's own signature already known. */
    static boolean fits(Probe kind, String line, @Nullable Probe own) {
        if (line.isBlank()) {
            return true;
        }
        if (own != null) {
            return own == kind || related(kind, own);
        }
        return switch (kind) {
            case LSPCI_NNK, LSPCI_DEV, LSPCI_VV -> LSPCI_DETAIL.matcher(line).matches();
            case PCI_JSON -> JSON_PUNCT.matcher(line).matches() || BOX_BORDER.matcher(line).matches()
                    || line.strip().startsWith("\"");
            case IOMMU_GROUPS -> line.startsWith(" ") || line.startsWith("\t") || LSPCI_DEVICE.matcher(line.strip()).matches();
            case CMDLINE, MODPROBE_CONF, QM_CONFIG -> line.strip().startsWith("#");
            // wrapped kernel and QEMU lines: anything without a signature of its own
            case KERNEL_IOMMU, IRQ_REMAPPING, KERNEL_LOG, VM_START_ERROR -> true;
            default -> false;
        };
    }

    private static boolean related(Probe current, Probe line) {
        boolean bothLogs = current.isLog() && line.isLog();
        boolean lspci = (current == Probe.LSPCI_VV || current == Probe.LSPCI_DEV) && line == Probe.LSPCI_NNK;
        // the shell-loop group listing prints lspci lines under each "IOMMU Group N" header
        boolean groups = current == Probe.IOMMU_GROUPS && line == Probe.LSPCI_NNK;
        boolean qmComment = current == Probe.QM_CONFIG && line == Probe.CPU_FLAGS;
        return bothLogs || lspci || groups || qmComment;
    }
}
