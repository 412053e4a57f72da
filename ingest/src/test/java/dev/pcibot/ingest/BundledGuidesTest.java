package dev.pcibot.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Pins what a reader gets from each bundled guide: its sections in order (the heading paths written
 * out, joined by " > "), and the commands of a few sections.
 */
final class BundledGuidesTest {

    private static final GuideLibrary LIBRARY = GuideLibrary.bundled();

    @Test
    void manifestListsTheFiveGuidesWithTheirAuthority() {
        List<String> rows = LIBRARY.guides().stream()
                .map(g -> g.id() + " " + g.authority() + " " + g.format() + " " + g.file())
                .toList();
        assertEquals(List.of(
                "pve-admin-guide OFFICIAL_ADMIN_GUIDE MARKDOWN 001_21faaaf8d51e3512.txt",
                "pve-wiki OFFICIAL_WIKI MARKDOWN 004_d1d15574e643b212.txt",
                "pve-wiki-dump OFFICIAL_WIKI TEXT 000_352eabad9f967e48.txt",
                "community-howto COMMUNITY MARKDOWN 002_1c5f17a1d795497e.txt",
                "complete-guide COMMUNITY TEXT 003_8124e53637093411.txt"), rows);
        assertTrue(LIBRARY.warnings().isEmpty());
    }

    @Test
    void adminGuideSections() {
        assertEquals(List.of(
                "PCI(e) Passthrough > IOMMU Passthrough Mode",
                "PCI(e) Passthrough > Kernel Modules",
                "PCI(e) Passthrough > Finish Configuration",
                "PCI(e) Passthrough > PCI(e) slots",
                "PCI(e) Passthrough > Unsafe interrupts",
                "PCI(e) Passthrough > GPU Passthrough Notes",
                "PCI(e) Passthrough > Host Device Passthrough",
                "PCI(e) Passthrough > Host Device Passthrough > Host Configuration",
                "PCI(e) Passthrough > Host Device Passthrough > Host Configuration > Verify Configuration",
                "PCI(e) Passthrough > Host Device Passthrough > VM Configuration",
                "PCI(e) Passthrough > Host Device Passthrough > VM Configuration > Example",
                "PCI(e) Passthrough > Host Device Passthrough > VM Configuration > PCI ID overrides",
                "PCI(e) Passthrough > SR-IOV",
                "PCI(e) Passthrough > SR-IOV > Enabling SR-IOV",
                "PCI(e) Passthrough > SR-IOV > Host Configuration",
                "PCI(e) Passthrough > SR-IOV > VM Configuration",
                "PCI(e) Passthrough > Mediated Devices (vGPU, GVT-g)",
                "PCI(e) Passthrough > Mediated Devices (vGPU, GVT-g) > Host Configuration",
                "PCI(e) Passthrough > Mediated Devices (vGPU, GVT-g) > VM Configuration",
                "PCI(e) Passthrough > Use in Clusters",
                "PCI(e) Passthrough > vIOMMU (emulated IOMMU)",
                "PCI(e) Passthrough > vIOMMU (emulated IOMMU) > Intel vIOMMU",
                "PCI(e) Passthrough > vIOMMU (emulated IOMMU) > VirtIO vIOMMU",
                "Hookscripts",
                "Hibernation",
                "Hibernation > State storage selection",
                "Resource Mapping"), headings("pve-admin-guide"));
    }

    @Test
    void wikiClipSections() {
        assertEquals(List.of(
                "Summary",
                "Requirements",
                "Verifying IOMMU parameters > Verify IOMMU is enabled",
                "Verifying IOMMU parameters > Verify IOMMU interrupt remapping is enabled",
                "Verifying IOMMU parameters > Verify IOMMU isolation",
                "GPU passthrough",
                "GPU passthrough > Blacklisting drivers"), headings("pve-wiki"));
    }

    @Test
    void wikiDumpSections() {
        assertEquals(List.of(
                "", // the introduction before the first heading
                "CPU requirements",
                "Motherboard requirements",
                "GPU requirements",
                "Verifying IOMMU parameters > Verify IOMMU is enabled",
                "Verifying IOMMU parameters > Verify IOMMU interrupt remapping is enabled",
                "Verifying IOMMU parameters > Verify IOMMU isolation",
                "GPU passthrough",
                "GPU passthrough > Blacklisting drivers",
                "GPU passthrough > How to know if a graphics card is UEFI (OVMF) compatible",
                "GPU passthrough > The 'romfile' option",
                "GPU passthrough > Nvidia Tips",
                "GPU passthrough > \"BAR 3: can't reserve [mem]\" error",
                "GPU passthrough > WSLg (Windows Subsystem for Linux GUI)",
                "GPU passthrough > Black display in NoVNC/Spice",
                "GPU passthrough > HDMI audio crackling/broken",
                "GPU passthrough > BIOS options",
                "GPU passthrough > Error 43",
                "GPU passthrough > Error 43 > Finding out if the PCI device has a hardware fault",
                "GPU passthrough > Error 43 > Finding software issues",
                "GPU passthrough > Nvidia specific issues",
                "GPU passthrough > AMD specific issues",
                "USB passthrough"), headings("pve-wiki-dump"));
    }

    @Test
    void communityHowtoSections() {
        // No table of contents, no revision history, no empty troubleshooting table.
        assertEquals(List.of(
                "How To: Proxmox PCI/GPU Passthrough",
                "Overview",
                "Prerequisites",
                "Step-by-Step Guide > Step 1: Prepare BIOS",
                "Step-by-Step Guide > Step 1: Prepare BIOS > BIOS Enable/Disable",
                "Step-by-Step Guide > Step 2: Setting the Boot Arguments > For Intel CPUs",
                "Step-by-Step Guide > Step 2: Setting the Boot Arguments > For AMD CPUs",
                "Step-by-Step Guide > Step 2: Setting the Boot Arguments > Intel CPUs (Systemd/ZFS)",
                "Step-by-Step Guide > Step 2: Setting the Boot Arguments > AMD CPUs (Systemd/ZFS)",
                "Step-by-Step Guide > Step 3: Configuring IOMMU",
                "Step-by-Step Guide > Step 4: Blacklisting Driver modules",
                "Step-by-Step Guide > Step 4: Blacklisting Driver modules > Adding Device ID's to Blacklist",
                "Step-by-Step Guide > Step 4: Adding devices to you VM",
                "Step-by-Step Guide > Resources",
                "Step-by-Step Guide > Additional Notes"), headings("community-howto"));
    }

    @Test
    void completeGuideSections() {
        // The keyword list at the end is site metadata, not a section.
        assertEquals(List.of(
                "Overview",
                "Why Use PCI Passthrough > Benefits",
                "Why Use PCI Passthrough > Use Cases",
                "Requirements > Hardware",
                "Requirements > Software",
                "Enable IOMMU > Check Current Status",
                "Enable IOMMU > Configure GRUB",
                "Enable IOMMU > Verify IOMMU",
                "GPU Passthrough > Identify GPU",
                "GPU Passthrough > Enable Primary GPU",
                "GPU Passthrough > Multiple GPUs",
                "GPU Passthrough > GPU Options",
                "Network Card Passthrough > Identify Network Card",
                "Network Card Passthrough > Passthrough Network Card",
                "Network Card Passthrough > SR-IOV Network Cards",
                "USB Controller Passthrough > Identify USB Controller",
                "USB Controller Passthrough > Passthrough USB Controller",
                "USB Controller Passthrough > USB Device Passthrough",
                "HBA Passthrough > Identify HBA",
                "HBA Passthrough > Passthrough HBA",
                "NVMe Passthrough > Identify NVMe",
                "NVMe Passthrough > Passthrough NVMe",
                "Security Considerations > Device Isolation",
                "Security Considerations > Alternative: vfio-pci",
                "Troubleshooting > Device Not Available",
                "Troubleshooting > VM Won’t Start",
                "Troubleshooting > Performance Issues",
                "Windows VM Configuration > Install Drivers",
                "Windows VM Configuration > GPU Performance",
                "Linux VM Configuration > Install Drivers",
                "Best Practices"), headings("complete-guide"));
    }

    @Test
    void completeGuideGluedCodeBecomesCommandsAndHeading() {
        assertEquals(List.of("egrep -c 'vmx|svm' /proc/cpuinfo", "find /sys/kernel/iommu_groups/ -type l | head -20"),
                section("complete-guide/enable-iommu/check-current-status").commands());
        assertEquals(List.of(
                "nano /etc/default/grub",
                "GRUB_CMDLINE_LINUX_DEFAULT=\"quiet intel_iommu=on iommu=pt\"",
                "GRUB_CMDLINE_LINUX_DEFAULT=\"quiet amd_iommu=on iommu=pt\"",
                "update-grub",
                "reboot"), section("complete-guide/enable-iommu/configure-grub").commands());
        // comment lines stay in the text, not among the commands
        assertTrue(section("complete-guide/enable-iommu/configure-grub").text().contains("# Edit GRUB"));
    }

    @Test
    void adminGuideKernelModulesAndInitramfs() {
        Section modules = section("pve-admin-guide/pci-e-passthrough/kernel-modules");
        assertEquals(List.of("vfio", "vfio_iommu_type1", "vfio_pci", "update-initramfs -u -k all", "lsmod | grep vfio"),
                modules.commands());
        assertEquals("https://pve.proxmox.com/pve-docs/chapter-qm.html#qm_pci_passthrough_update_initramfs", modules.url());
    }

    @Test
    void adminGuideJoinsContinuedCommands() {
        assertEquals(List.of(
                "echo \"options vfio-pci ids=<vendor-id>,<device-id> disable_vga=1\" > /etc/modprobe.d/vfio.conf",
                "lspci -nn",
                "qm set VMID -hostpci0 00:02.0",
                "hostpci0: 00:02.0"),
                section("pve-admin-guide/pci-e-passthrough/host-device-passthrough/vm-configuration").commands());
        assertTrue(section("pve-admin-guide/resource-mapping").commands().contains(
                "pvesh create /cluster/mapping/pci --id device1 --map node=node1,path=0000:01:00.0,id=0002:0001"
                        + " --map node=node2,path=0000:02:00.0,id=0002:0001"));
    }

    @Test
    void adminGuideLinksToAsciiDocAnchorsOrTheChapter() {
        assertEquals("https://pve.proxmox.com/pve-docs/chapter-qm.html#qm_pci_passthrough_vm_config",
                section("pve-admin-guide/pep/hdp/vc/example").url());
        assertEquals("https://pve.proxmox.com/pve-docs/chapter-qm.html#qm_pci_viommu",
                section("pve-admin-guide/pci-e-passthrough/viommu-emulated-iommu/intel-viommu").url());
        assertEquals("https://pve.proxmox.com/pve-docs/chapter-qm.html",
                section("pve-admin-guide/hookscripts").url());
    }

    @Test
    void wikiClipReadsTheBoxTableAsRows() {
        Section isolation = section("pve-wiki/verifying-iommu-parameters/verify-iommu-isolation");
        assertTrue(isolation.text().contains(
                "class: 0x030000; device: 0x1d01; id: 0000:01:00.0; iommugroup: 1; vendor: 0x10de;"
                        + " device_name: GP108 [GeForce GT 1030]"), isolation.text());
        assertFalse(isolation.text().contains("│"));
        assertEquals(List.of("pvesh get /nodes/{nodename}/hardware/pci --pci-class-blacklist \"\"",
                "pcie_acs_override=downstream"), isolation.commands());
        assertEquals("https://pve.proxmox.com/wiki/PCI_Passthrough#Verify_IOMMU_isolation", isolation.url());
    }

    @Test
    void wikiDumpDropsNavigationAndReadsBareCommands() {
        Section intro = section("pve-wiki-dump");
        assertFalse(intro.text().contains("Jump to navigation"));
        assertFalse(intro.text().contains("Yellowpin.svg"));
        assertEquals(List.of("dmesg | grep 'remapping'",
                "echo \"options vfio_iommu_type1 allow_unsafe_interrupts=1\" > /etc/modprobe.d/iommu_unsafe_interrupts.conf"),
                section("pve-wiki-dump/vip/verify-iommu-interrupt-remapping-is-enab").commands());
        assertTrue(section("pve-wiki-dump/vip/verify-iommu-interrupt-remapping-is-enab")
                .text().contains("- AMD-Vi: Interrupt remapping enabled"));
        assertEquals("https://pve.proxmox.com/wiki/PCI_Passthrough#Requirements",
                section("pve-wiki-dump/cpu-requirements").url());
        assertEquals(List.of("args: -machine pc,max-ram-below-4g=1G"),
                section("pve-wiki-dump/gpu-passthrough/nvidia-tips").commands());
    }

    @Test
    void communityHowtoCommandsAndCallouts() {
        Section zfs = section("community-howto/sbsg/s2stba/intel-cpus-systemd-zfs");
        assertEquals(List.of("nano /etc/kernel/cmdline",
                "root=ZFS=rpool/ROOT/pve-1 boot=zfs intel_iommu=on iommu=pt initcall_blacklist=sysfb_init"),
                zfs.commands());
        Section bios = section("community-howto/step-by-step-guide/step-1-prepare-bios/bios-enable-disable");
        assertFalse(bios.text().contains("[!ATTENTION]"));
        assertFalse(bios.text().contains("!!!"));
        assertFalse(bios.text().contains("ad-tip"));
        assertTrue(bios.text().contains("This is a tip: This is the content of the admonition tip."), bios.text());
        // the same note in three syntaxes is read once (the MkDocs one-liner differs and stays)
        assertEquals(1, bios.text().split("helps keeping things clean", -1).length - 1, bios.text());
        assertEquals(List.of("nano /etc/modprobe.d/kvm.conf", "options kvm ignore_msrs=Y report_ignored_msrs=0"),
                bios.commands());
        Section ids = section("community-howto/sbsg/s4bdm/adding-device-id-s-to-blacklist");
        assertFalse(ids.text().contains("![["));
    }

    @Test
    void idsAreUniqueAndEverySectionHasTextAndALink() {
        Set<String> ids = new HashSet<>();
        for (Section section : LIBRARY.sections()) {
            assertTrue(ids.add(section.id()), "duplicate id " + section.id());
            assertFalse(section.text().isBlank(), section.id());
            assertTrue(section.url().startsWith("https://"), section.id());
            assertTrue(section.id().length() <= SectionAssembler.MAX_ID_LENGTH, section.id());
        }
    }

    private static List<String> headings(String guideId) {
        return LIBRARY.sections().stream()
                .filter(s -> s.guide().id().equals(guideId))
                .map(s -> String.join(" > ", s.headingPath()))
                .toList();
    }

    private static Section section(String id) {
        return LIBRARY.sections().stream()
                .filter(s -> s.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no section " + id));
    }
}
