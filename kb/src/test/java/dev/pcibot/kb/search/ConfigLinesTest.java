package dev.pcibot.kb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Lines from the bundled guides' code blocks: which go into a file, which are typed at a prompt. */
class ConfigLinesTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "GRUB_CMDLINE_LINUX_DEFAULT=\"quiet intel_iommu=on iommu=pt\" | true",
        "options vfio-pci ids=10de:1b80,10de:10f0 disable_vga=1 | true",
        "blacklist nouveau | true",
        "softdep nvidia pre: vfio-pci | true",
        "hostpci0: 0000:01:00,pcie=1,x-vga=1 | true",
        "vfio_iommu_type1 | true",
        "root=ZFS=rpool/ROOT/pve-1 boot=zfs intel_iommu=on iommu=pt | true",
        "nano /etc/default/grub | false",
        "update-grub | false",
        "update-initramfs -u -k all | false",
        "lspci -nn | false",
        "echo \"options vfio-pci ids=10de:1b80\" > /etc/modprobe.d/vfio.conf | false",
        "qm set 100 -hostpci0 01:00.0 | false",
        "proxmox-boot-tool refresh | false",
    })
    void tellsFileLinesFromCommands(String line, boolean fileLine) {
        assertEquals(fileLine, ConfigLines.isFileLine(line), line);
    }
}
