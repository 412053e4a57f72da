package dev.pcibot.kb.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a paste is cut into parts and what each part is taken for. */
final class PasteSplitterTest {
    private static final Diagnoser DIAGNOSER = Diagnoser.withoutCitations();

    private static List<String> kinds(String paste) {
        return DIAGNOSER.diagnose(paste).parts().stream().map(RecognizedPart::kind).toList();
    }

    @Test
    void promptsCutThePasteByCommand() {
        String paste = """
                root@pve:~# cat /proc/cmdline
                BOOT_IMAGE=/boot/vmlinuz-6.8.12-4-pve root=/dev/mapper/pve-root ro quiet intel_iommu=on
                root@pve:~# lsmod | grep vfio
                vfio_pci               16384  0
                root@pve:~# qm config 100
                hostpci0: 0000:01:00,pcie=1
                machine: q35
                root@pve:~# dmesg | grep -i remapping
                [    0.148861] DMAR-IR: Enabled IRQ remapping in x2apic mode
                """;
        assertEquals(List.of("cmdline", "vfio-modules", "qm-config", "irq-remapping"), kinds(paste));
    }

    @Test
    void withoutPromptsLineSignaturesCutIt() {
        String paste = """
                [    0.021373] DMAR: IOMMU enabled
                [    0.412345] DMAR: Intel(R) Virtualization Technology for Directed I/O
                [    0.412399] DMAR: Host address width 39
                01:00.0 VGA compatible controller [0300]: NVIDIA Corporation GP104 [GeForce GTX 1080] [10de:1b80] (rev a1)
                	Subsystem: Gigabyte Technology Co., Ltd GP104 [1458:3702]
                	Kernel driver in use: vfio-pci
                hostpci0: 0000:01:00,pcie=1,x-vga=1
                bios: ovmf
                """;
        assertEquals(List.of("kernel-iommu", "lspci-nnk", "qm-config"), kinds(paste));
    }

    @Test
    void partsSayWhichLinesTheyCover() {
        Diagnosis d = DIAGNOSER.diagnose("some words first\n\nroot@pve:~# lspci -nnk -s 01:00.0\n01:00.0 VGA compatible"
                + " controller [0300]: NVIDIA Corporation GP104 [10de:1b80] (rev a1)\n\tKernel driver in use: nouveau\n");
        RecognizedPart prose = d.parts().get(0);
        assertEquals("unknown", prose.kind());
        assertEquals(List.of("some words first"), prose.notUnderstood());
        RecognizedPart lspci = d.parts().get(1);
        assertEquals("lspci-dev", lspci.kind());
        assertEquals(3, lspci.firstLine());
        assertEquals(5, lspci.lastLine());
    }

    @Test
    void discordFencesSeparateOutputsAndTheirLanguageTagIsNoOutput() {
        String paste = "```sh\n[    5.812346] kvm: disabled by bios\n```\n```\nhostpci0: 0000:01:00\n```\n";
        assertEquals(List.of("kernel-log", "qm-config"), kinds(paste));
    }

    @Test
    void aWrappedKernelLineStaysInTheLog() {
        String paste = """
                [  612.902210] vfio_iommu_type1_attach_group: No interrupt remapping support.  Use the module param
                "allow_unsafe_interrupts" to enable VFIO IOMMU support on this platform
                [  612.934420] vmbr0: port 2(tap101i0) entered disabled state
                """;
        assertEquals(List.of("kernel-log"), kinds(paste));
    }

    @Test
    void commentsInConfigFilesAreNotPrompts() {
        String paste = """
                root@pve:~# cat /etc/modprobe.d/vfio.conf
                # GTX 1080 and its audio function
                options vfio-pci ids=10de:1b80,10de:10f0
                softdep nouveau pre: vfio-pci
                """;
        assertEquals(List.of("modprobe-conf"), kinds(paste));
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
        "root@pve:~# dmesg | grep -e DMAR -e IOMMU => kernel-iommu",
        "root@pve:~# dmesg | grep -i remapping => irq-remapping",
        "root@pve:~# journalctl -k -b 0 => kernel-log",
        "# lspci -nnk => lspci-nnk",
        "$ sudo lspci -vv -s 01:00.0 => lspci-vv",
        "[root@pve ~]# find /sys/kernel/iommu_groups/ -type l => iommu-groups",
        "root@pve:/etc# pvesh get /nodes/pve/hardware/pci --output-format json => pci-json",
        "root@pve:~# cat /etc/kernel/cmdline => cmdline",
        "root@pve:~# cat /etc/pve/qemu-server/100.conf => qm-config",
        "root@pve:~# qm start 100 => vm-start-error",
        "root@pve:~# egrep -c '(vmx|svm)' /proc/cpuinfo => cpu-flags",
        "root@pve:~# uname -r => node-status",
        "root@pve:~# pveversion -v => version",
        "root@pve:~# ls -la /root => unknown",
    })
    void promptCommandsNameTheirProbe(String prompt, String kind) {
        assertEquals(List.of(kind), kinds(prompt + "\n"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Nov 21 10:00:01 pve kernel: vfio-pci 0000:01:00.0: enabling device (0000 -> 0003) | kernel-log",
        "Nov 21 10:00:01 pve kernel: DMAR: IOMMU enabled | kernel-iommu",
        "kvm: -device vfio-pci,host=0000:01:00.0,id=hostpci0: vfio 0000:01:00.0: group 13 is not viable | vm-start-error",
        "TASK ERROR: start failed: QEMU exited with code 1 | vm-start-error",
        "/sys/kernel/iommu_groups/13/devices/0000:01:00.0 | iommu-groups",
        "IOMMU Group 1 01:00.0 VGA compatible controller [0300]: NVIDIA Corporation GP104 [10de:1b80] | iommu-groups",
        "│ 0x030000 │ 0x1b80 │ 0000:01:00.0 │         13 │ 0x10de │ GP104 │ | pci-json",
        "BOOT_IMAGE=/boot/vmlinuz-6.8.12-4-pve root=/dev/mapper/pve-root ro quiet | cmdline",
        "GRUB_CMDLINE_LINUX_DEFAULT=\"quiet intel_iommu=on\" | cmdline",
        "options vfio-pci ids=10de:1b80 | modprobe-conf",
        "vfio_iommu_type1       49152  0 | vfio-modules",
        "machine: pc-q35-8.1 | qm-config",
        "0 | cpu-flags",
        "6.8.12-4-pve | node-status",
        "proxmox-ve: 8.3.0 (running kernel: 6.8.12-4-pve) | version",
        "pve-manager/8.2.4/faa83925c9641325 (running kernel: 6.8.8-2-pve) | version",
        "my VM shows a black screen, any idea? | unknown",
        "I never added intel_iommu=on, groups are there anyway | unknown",
    })
    void aLineAloneIsRecognisedBySignature(String line, String kind) {
        assertEquals(List.of(kind), kinds(line + "\n"));
    }
}
