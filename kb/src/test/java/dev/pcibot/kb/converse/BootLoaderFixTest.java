package dev.pcibot.kb.converse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BootLoaderFixTest {
    // the shape of content/findings/iommu-not-enabled.md's fix
    private static final String FIX = """
            1. Enable VT-d in the firmware.
            2. Add `intel_iommu=on`:
               - GRUB: edit `/etc/default/grub`, then
                 ```sh
                 update-grub
                 ```
               - systemd-boot (ZFS root): append it to `/etc/kernel/cmdline`, then
                 ```sh
                 proxmox-boot-tool refresh
                 ```
            3. Reboot and verify.""";

    @Test
    void systemdBootKeepsItsOwnItemAndTheStepsAround() {
        String narrowed = BootLoaderFix.narrow(FIX, "systemd-boot");
        assertFalse(narrowed.contains("update-grub"), narrowed);
        assertTrue(narrowed.contains("proxmox-boot-tool refresh"));
        assertTrue(narrowed.contains("1. Enable VT-d") && narrowed.contains("3. Reboot and verify."), narrowed);
    }

    @Test
    void grubDropsTheSystemdBootItem() {
        String narrowed = BootLoaderFix.narrow(FIX, "grub");
        assertTrue(narrowed.contains("update-grub"));
        assertFalse(narrowed.contains("proxmox-boot-tool"), narrowed);
        assertTrue(narrowed.endsWith("3. Reboot and verify."), narrowed);
    }

    @Test
    void unknownLoaderOrAFixWithOneVariantIsLeftAlone() {
        assertEquals(FIX, BootLoaderFix.narrow(FIX, "unknown"));
        String one = "- GRUB: edit it\n- then reboot";
        assertEquals(one, BootLoaderFix.narrow(one, "systemd-boot"));
        assertFalse(BootLoaderFix.offersBoth(one));
    }
}
