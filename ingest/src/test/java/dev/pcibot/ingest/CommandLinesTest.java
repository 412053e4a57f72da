package dev.pcibot.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

final class CommandLinesTest {

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
            "# update-initramfs -u -k all => update-initramfs -u -k all",
            "# lspci -k | grep -A 3 \"VGA\" => lspci -k | grep -A 3 \"VGA\"",
            "dmesg | grep -e DMAR -e IOMMU => dmesg | grep -e DMAR -e IOMMU",
            "options vfio-pci ids=1234:5678,4321:8765 => options vfio-pci ids=1234:5678,4321:8765",
            "GRUB_CMDLINE_LINUX_DEFAULT=\"quiet iommu=pt\" => GRUB_CMDLINE_LINUX_DEFAULT=\"quiet iommu=pt\"",
            "hostpci0: 01:00,x-vga=on,romfile=vbios.bin => hostpci0: 01:00,x-vga=on,romfile=vbios.bin",
            "blacklist nouveau => blacklist nouveau",
            "vfio_iommu_type1 => vfio_iommu_type1",
            "iommu=pt => iommu=pt",
            "./rom-parser /tmp/image.rom => ./rom-parser /tmp/image.rom",
            "reboot => reboot",
            "qm list => qm list",
    })
    void recognisesCommandsAndStripsTheRootPrompt(String line, String command) {
        assertEquals(Optional.of(command), CommandLines.command(line));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "# Edit GRUB",
            "# Check CPU support",
            "# 01:00.0 VGA compatible controller [0300]: NVIDIA Corporation GP104 [10de:1b80]",
            "# PCI(e) Passthrough",
            "Kernel driver in use: vfio-pci",
            "Valid ROM signature found @0h, PCIR offset 190h",
            "/usr/share/kvm/.",
            "More information can be found at Alex Williamson's blog.",
            "vfio-pci 0000:04:00.0: BAR 3: can't reserve [mem 0xca000000-0xcbffffff 64bit]",
            "",
            "text",
            "wiki",
    })
    void leavesProseCommentsAndOutputAlone(String line) {
        assertEquals(Optional.empty(), CommandLines.command(line));
    }

    @Test
    void codeBlocksAlsoTakeKeyValueConfigLines() {
        assertEquals(Optional.of("root=ZFS=rpool/ROOT/pve-1 boot=zfs intel_iommu=on iommu=pt"),
                CommandLines.commandInCode("root=ZFS=rpool/ROOT/pve-1 boot=zfs intel_iommu=on iommu=pt"));
        assertEquals(Optional.empty(), CommandLines.commandInCode(" PCIR: type 0, vendor: 10de, device: 1280, class: 030000"));
        assertEquals(Optional.empty(), CommandLines.commandInCode("# pcie=1: PCIe mode"));
    }

    @Test
    void commentsAreHashLinesWithoutACommand() {
        assertTrue(CommandLines.isComment("# Edit GRUB"));
        assertFalse(CommandLines.isComment("# update-grub"));
        assertFalse(CommandLines.isComment("update-grub"));
    }

    @Test
    void joinsBackslashAndWrappedValueContinuations() {
        assertEquals(List.of("pvesh create /cluster/mapping/pci --id device1 --map node=node1"),
                CommandLines.joinContinuations(List.of("# pvesh create /cluster/mapping/pci --id device1 \\", "--map node=node1"))
                        .stream().map(l -> CommandLines.command(l).orElseThrow()).toList());
        assertEquals(List.of("boot=zfs initcall_blacklist=sysfb_init"),
                CommandLines.joinContinuations(List.of("boot=zfs initcall_blacklist", "=sysfb_init")));
        // a comment ending in a backslash continues nothing
        assertEquals(List.of("# see C:\\", "reboot"), CommandLines.joinContinuations(List.of("# see C:\\", "reboot")));
    }
}
