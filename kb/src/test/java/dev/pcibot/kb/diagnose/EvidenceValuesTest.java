package dev.pcibot.kb.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Fix texts show the user's own device and group, read from the evidence. */
final class EvidenceValuesTest {
    private static final Path DIR = Path.of("../content/src/main/resources/content/findings");

    @Test
    void readsTheAddressAndGroupOfAQemuError() {
        EvidenceValues v = EvidenceValues.of(List.of(
                "kvm: -device vfio-pci,host=0000:0b:00.0,id=hostpci0,bus=ich9-pcie-port-1,addr=0x0: vfio 0000:0b:00.0: group 13 is not viable"));
        assertEquals("0000:0b:00.0", v.device());
        assertEquals("13", v.group());
        assertEquals("ls /sys/bus/pci/devices/0000:0b:00.0/iommu_group/devices/ && lspci -nnk -s 0b:00 # group 13",
                v.fill("ls /sys/bus/pci/devices/{device|0000:01:00.0}/iommu_group/devices/ && lspci -nnk -s {slot|01:00} # group {group|N}"));
    }

    @Test
    void shortAddressesGainTheirDomainAndJournalTimesAreNotAddresses() {
        EvidenceValues v = EvidenceValues.of(List.of(
                "Nov 21 10:05:41.123456 pve kernel: DMAR: [DMA Read NO_PASID] Request device [03:00.1] fault addr 0xfeb00000"));
        assertEquals("0000:03:00.1", v.device());
        assertEquals(null, v.group());
        EvidenceValues time = EvidenceValues.of(List.of("Nov 21 10:05:41.123456 pve kernel: DMAR-IR: Enabled IRQ remapping"));
        assertEquals(null, time.device());
    }

    @Test
    void readsTheIdsDriverVmAndHostpciEntryOfTheEvidence() {
        // lspci -nnk lines as in diagnose/real/p013.txt (github.com/NVIDIA/open-gpu-kernel-modules issue)
        EvidenceValues v = EvidenceValues.of(List.of(
                "3e:00.0 VGA compatible controller [0300]: NVIDIA Corporation GA102 [GeForce RTX 3080] [10de:2206] (rev a1)",
                "Subsystem: Gigabyte Technology Co., Ltd Device [1458:404b]",
                "Kernel driver in use: nvidia",
                "3e:00.1 Audio device [0403]: NVIDIA Corporation GA102 High Definition Audio Controller [10de:1aef] (rev a1)",
                "hostpci1: 0000:3e:00,pcie=1"), "104");
        assertEquals("10de:2206,10de:1aef", v.ids());
        assertEquals("nvidia", v.driver());
        assertEquals("104", v.vmid());
        assertEquals("hostpci1", v.hostpci());
        assertEquals("qm set 104 -hostpci1 3e:00,rombar=0 ids=10de:2206,10de:1aef softdep nvidia",
                v.fill("qm set {vmid|VMID} -{hostpci|hostpci0} {slot|01:00},rombar=0 ids={ids|x} softdep {driver|nouveau}"));
        EvidenceValues fromPrompt = EvidenceValues.of(List.of("root@pve:~# qm start 100"), null);
        assertEquals("100", fromPrompt.vmid());
    }

    @Test
    void withoutEvidenceTheTextKeepsItsExample() {
        EvidenceValues none = EvidenceValues.of(List.of());
        assertEquals("lspci -nnk -s 01:00 in group N", none.fill("lspci -nnk -s {slot|01:00} in group {group|N}"));
    }

    @Test
    void everyPlaceholderInTheFindingTextsIsWellFormed() throws IOException {
        Pattern leftover = Pattern.compile("\\{(device|slot|group|ids|driver|vmid|hostpci)\\b");
        EvidenceValues none = EvidenceValues.of(List.of());
        int used = 0;
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".md")).toList()) {
                String text = Files.readString(f);
                used += text.split("\\{(device|slot|group)\\|", -1).length - 1;
                assertFalse(leftover.matcher(none.fill(text)).find(), f + " has a placeholder without a default");
            }
        }
        assertTrue(used >= 10, "finding texts use placeholders: " + used);
    }

    @Test
    void aDiagnosisFillsTheFixWithTheDeviceFromThePaste() {
        Diagnosis d = Diagnoser.withoutCitations().diagnose(
                "kvm: -device vfio-pci,host=0000:0b:00.0,id=hostpci0,bus=ich9-pcie-port-1,addr=0x0: vfio 0000:0b:00.0: group 13 is not viable\n"
                        + "TASK ERROR: start failed: QEMU exited with code 1\n");
        Finding f = d.findings().stream().filter(x -> x.id().equals("group-not-viable")).findFirst().orElseThrow();
        assertTrue(f.fix().contains("/sys/bus/pci/devices/0000:0b:00.0/iommu_group/devices/"), f.fix());
        assertTrue(f.fix().contains("lspci -nnk -s 0b:00"), f.fix());
    }
}
