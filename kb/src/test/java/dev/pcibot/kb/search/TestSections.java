package dev.pcibot.kb.search;

import dev.pcibot.ingest.Authority;
import dev.pcibot.ingest.Guide;
import dev.pcibot.ingest.GuideFormat;
import dev.pcibot.ingest.Section;
import java.util.List;

/**
 * A small corpus for index and ranking tests, with text taken from the bundled guides (the wiki
 * page twice, as Markdown clip and as text dump, like the real bundle). Tests over the full guides
 * use {@link BundledGuides}.
 */
final class TestSections {
    static final Guide ADMIN = new Guide("pve-admin-guide", "Proxmox VE Administration Guide",
            "https://pve.proxmox.com/pve-docs/chapter-qm.html", Authority.OFFICIAL_ADMIN_GUIDE, GuideFormat.MARKDOWN, "001.txt");
    static final Guide WIKI = new Guide("pve-wiki", "Proxmox VE wiki: PCI Passthrough",
            "https://pve.proxmox.com/wiki/PCI_Passthrough", Authority.OFFICIAL_WIKI, GuideFormat.MARKDOWN, "004.txt");
    static final Guide DUMP = new Guide("pve-wiki-dump", "Proxmox VE wiki: PCI Passthrough (text)",
            "https://pve.proxmox.com/wiki/PCI_Passthrough", Authority.OFFICIAL_WIKI, GuideFormat.TEXT, "000.txt");
    static final Guide COMPLETE = new Guide("complete-guide", "PCI Passthrough Complete Guide",
            "https://example.org/pci-passthrough", Authority.COMMUNITY, GuideFormat.TEXT, "003.txt");
    static final Guide HOWTO = new Guide("community-howto", "How To: Proxmox PCI/GPU Passthrough",
            "https://example.org/howto", Authority.COMMUNITY, GuideFormat.MARKDOWN, "002.txt");

    private TestSections() {}

    static Section section(Guide guide, String id, List<String> path, String text, List<String> commands) {
        return new Section(id, guide, path, text, commands, guide.originUrl() + "#" + id);
    }

    static List<Section> corpus() {
        String remapping = """
                It is not possible to use PCI passthrough without interrupt remapping. Device assignment will fail with 'Failed to assign device "[device name]": Operation not permitted' or 'Interrupt Remapping hardware not found, passing devices to unprivileged domains is insecure.'.
                To identify if your system has support for interrupt remapping:
                dmesg | grep 'remapping'
                If you see one of the following lines:
                AMD-Vi: Interrupt remapping enabled
                DMAR-IR: Enabled IRQ remapping in x2apic mode ('x2apic' can be different on old CPUs, but should still work)
                then remapping is supported.
                If your system doesn't support interrupt remapping, you can allow unsafe interrupts with:
                echo "options vfio_iommu_type1 allow_unsafe_interrupts=1" > /etc/modprobe.d/iommu_unsafe_interrupts.conf""";
        String enabled = """
                Reboot, then run:
                dmesg | grep -e DMAR -e IOMMU
                There should be a line that looks like "DMAR: IOMMU enabled". If there is no output, something is wrong.""";
        String error43 = """
                Error code 43 is a generic Windows driver error and can occur for a wide number of reasons. Things you can try troubleshooting include:
                Try passing the PCI device to a Linux VM
                Dump your vBIOS and check if it is working correctly.
                If your GPU supports resizable BAR/SAM and you have this option set in your BIOS, you might need to deactivate it.""";
        return List.of(
                section(ADMIN, "pve-admin-guide/host-device-passthrough/host-configuration",
                        List.of("PCI(e) Passthrough", "Host Device Passthrough", "Host Configuration"),
                        """
                        Proxmox VE tries to automatically make the PCI(e) device unavailable for the host. However, if this doesn't work, there are two things that can be done:
                        pass the device IDs to the options of the vfio-pci modules by adding
                        options vfio-pci ids=1234:5678,4321:8765
                        to a .conf file in /etc/modprobe.d/ where 1234:5678 and 4321:8765 are the vendor and device IDs obtained by:
                        lspci -nn
                        blacklist the driver on the host completely, ensuring that it is free to bind for passthrough, with
                        blacklist DRIVERNAME
                        in a .conf file in /etc/modprobe.d/.""",
                        List.of("options vfio-pci ids=1234:5678,4321:8765", "lspci -nn", "blacklist DRIVERNAME")),
                section(ADMIN, "pve-admin-guide/iommu-passthrough-mode", List.of("PCI(e) Passthrough", "IOMMU Passthrough Mode"),
                        """
                        If your hardware supports IOMMU passthrough mode, enabling this mode might increase performance. This is because VMs then bypass the (default) DMA translation normally performed by the hyper-visor and instead pass DMA requests directly to the hardware IOMMU. To enable these options, add:
                        iommu=pt
                        to the kernel commandline.""",
                        List.of("iommu=pt")),
                section(ADMIN, "pve-admin-guide/gpu-passthrough-notes", List.of("PCI(e) Passthrough", "GPU Passthrough Notes"),
                        """
                        It is not possible to display the frame buffer of the GPU via NoVNC or SPICE on the Proxmox VE web interface.
                        When passing through a whole GPU or a vGPU and graphic output is wanted, one has to either physically connect a monitor to the card, or configure a remote desktop software (for example, VNC or RDP) inside the guest.""",
                        List.of()),
                section(WIKI, "pve-wiki/verify-iommu-is-enabled", List.of("Verifying IOMMU parameters", "Verify IOMMU is enabled"),
                        enabled, List.of("dmesg | grep -e DMAR -e IOMMU")),
                section(DUMP, "pve-wiki-dump/verify-iommu-is-enabled", List.of("Verifying IOMMU parameters", "Verify IOMMU is enabled"),
                        enabled, List.of("dmesg | grep -e DMAR -e IOMMU")),
                section(WIKI, "pve-wiki/verify-iommu-interrupt-remapping-is-enabled",
                        List.of("Verifying IOMMU parameters", "Verify IOMMU interrupt remapping is enabled"), remapping,
                        List.of("dmesg | grep 'remapping'", "echo \"options vfio_iommu_type1 allow_unsafe_interrupts=1\" > /etc/modprobe.d/iommu_unsafe_interrupts.conf")),
                section(DUMP, "pve-wiki-dump/verify-iommu-interrupt-remapping-is-enabled",
                        List.of("Verifying IOMMU parameters", "Verify IOMMU interrupt remapping is enabled"), remapping.replace("AMD-Vi:", "• AMD-Vi:"),
                        List.of("dmesg | grep 'remapping'")),
                section(WIKI, "pve-wiki/error-43", List.of("Error 43"), error43, List.of()),
                section(DUMP, "pve-wiki-dump/error-43", List.of("Error 43"), error43, List.of()),
                section(COMPLETE, "complete-guide/troubleshooting/device-not-available", List.of("Troubleshooting", "Device Not Available"),
                        """
                        # Check device in IOMMU group
                        find /sys/kernel/iommu_groups/ -type l -name "*01:00*"
                        # Must be separate group
                        # If not, enable ACS override
                        echo "options pci_ids default_hugepagesz=2M" >> /etc/modprobe.d/kvm.conf""",
                        List.of("find /sys/kernel/iommu_groups/ -type l -name \"*01:00*\"", "echo \"options pci_ids default_hugepagesz=2M\" >> /etc/modprobe.d/kvm.conf")),
                section(COMPLETE, "complete-guide/gpu-passthrough/identify-gpu", List.of("GPU Passthrough", "Identify GPU"),
                        """
                        # List GPUs
                        lspci -nn | grep -E "VGA|3D"
                        # Example output:
                        # 01:00.0 VGA compatible controller [0300]: NVIDIA Corporation GP104 [10de:1b80]
                        # 01:00.1 Audio device [0403]: NVIDIA Corporation GP104 HD Audio [10de:0fbb]""",
                        List.of("lspci -nn | grep -E \"VGA|3D\"")),
                section(HOWTO, "community-howto/step-3-configuring-iommu", List.of("Step-by-Step Guide", "Step 3: Configuring IOMMU"),
                        """
                        The next step is enabling the modules required for GPU passthrough:
                        nano /etc/modules
                        vfio
                        vfio_iommu_type1
                        vfio_pci
                        After changing the following modules you need to refresh your initramfs with the following command:
                        update-initramfs -u -k all""",
                        List.of("nano /etc/modules", "update-initramfs -u -k all")));
    }
}
