package dev.pcibot.kb.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The public entry points of {@link Diagnoser} on real samples and on bad input. */
final class DiagnoserTest {
    private static final Diagnoser DIAGNOSER = Diagnoser.withoutCitations();

    private static String sample(String name) throws IOException {
        return Files.readString(Path.of("src/test/resources/samples/kernel-log", name), StandardCharsets.UTF_8);
    }

    private static List<String> ids(Diagnosis d) {
        return d.findings().stream().map(Finding::id).toList();
    }

    @Test
    void quotesEvidenceExactlyAsPasted() throws IOException {
        String pasted = sample("bar-reserve-vega8.txt");
        Diagnosis d = DIAGNOSER.diagnose(pasted);
        Finding bar = d.findings().stream().filter(f -> f.id().equals("bar-reserve-conflict-efifb")).findFirst().orElseThrow();
        assertEquals(List.of(pasted.strip()), bar.evidence());
        // the message cannot tell whether the boot framebuffer is still on: ask for the command line
        assertEquals("cmdline", d.nextSteps().get(0).probe());
    }

    @Test
    void curlyQuotesCrlfAnsiAndFencesDoNotHideAMessage() {
        String pasted = "```\r\n\u001B[33m[  118.290614] vfio-pci 0000:04:00.0: BAR 3: can\u2019t reserve [mem 0xca000000-0xcbffffff 64bit]\u001B[0m\r\n```\r\n";
        Diagnosis d = DIAGNOSER.diagnose(pasted);
        Finding bar = d.findings().get(0);
        assertEquals("bar-reserve-conflict-efifb", bar.id());
        assertEquals("[  118.290614] vfio-pci 0000:04:00.0: BAR 3: can\u2019t reserve [mem 0xca000000-0xcbffffff 64bit]",
                bar.evidence().get(0));
    }

    @Test
    void bootTimeCantClaimIsNotAReservationConflict() throws IOException {
        assertFalse(ids(DIAGNOSER.diagnose(sample("dmesg-T-bridge-window.txt"))).contains("bar-reserve-conflict-efifb"));
    }

    @Test
    void remappingInXapicModeIsNotMissing() throws IOException {
        Diagnosis d = DIAGNOSER.diagnose(sample("xapic-remapping.txt"));
        assertFalse(ids(d).contains("interrupt-remapping-missing"), d.findings().toString());
        assertEquals("on", d.host().get("interruptRemapping"));
    }

    @Test
    void benignFlrAndEcapLinesLeaveAHealthyLogHealthy() {
        String pasted = """
                root@pve:~# dmesg | grep -e DMAR -e IOMMU -e vfio
                [    0.021373] DMAR: IOMMU enabled
                [    0.160210] DMAR: Host address width 39
                [    0.161904] DMAR-IR: Enabled IRQ remapping in x2apic mode
                [    0.412345] DMAR: Intel(R) Virtualization Technology for Directed I/O
                [  104.227060] vfio-pci 0000:01:00.0: vfio_ecap_init: hiding ecap 0x19@0x900
                [  131.604412] vfio-pci 0000:01:00.0: ready 1023ms after FLR
                """;
        Diagnosis d = DIAGNOSER.diagnose(pasted);
        assertEquals(List.of("none"), ids(d));
        assertEquals("kernel-iommu", d.parts().get(0).kind());
        assertFalse(d.notChecked().isEmpty(), "none must say what was not checked");
    }

    @Test
    void flrThatGivesUpIsAFinding() {
        Diagnosis d = DIAGNOSER.diagnose("[  140.1] vfio-pci 0000:01:00.0: not ready 65535ms after FLR; giving up\n");
        assertTrue(ids(d).contains("flr-timeout"));
        assertFalse(ids(d).contains("device-inaccessible-d3cold"));
    }

    @Test
    void iommuParameterSetButNothingCameUpBlamesTheFirmware() {
        String pasted = """
                root@pve:~# dmesg | grep -e DMAR -e IOMMU
                [    0.000000] Command line: BOOT_IMAGE=/boot/vmlinuz-6.5.13-5-pve root=/dev/mapper/pve-root ro quiet intel_iommu=on
                [    0.021373] DMAR: IOMMU enabled
                """;
        Diagnosis d = DIAGNOSER.diagnose(pasted);
        Finding f = d.findings().get(0);
        assertEquals("iommu-not-enabled", f.id());
        assertTrue(f.detail().contains("firmware"), f.detail());
        assertEquals(2, f.evidence().size());
    }

    @Test
    void hostFactsSayKernelBootLoaderAndIommuState() {
        Diagnosis d = DIAGNOSER.diagnose("""
                root@pve:~# cat /proc/cmdline
                initrd=\\EFI\\proxmox\\6.8.12-4-pve\\initrd.img-6.8.12-4-pve root=ZFS=rpool/ROOT/pve-1 boot=zfs iommu=pt
                root@pve:~# uname -r
                6.8.12-4-pve
                root@pve:~# dmesg | grep -e DMAR -e IOMMU -e AMD-Vi
                [    0.531710] pci 0000:00:00.2: AMD-Vi: Found IOMMU cap 0x40
                [    0.531720] AMD-Vi: Interrupt remapping enabled
                """);
        assertEquals("6.8.12-4-pve", d.host().get("kernel"));
        assertEquals("systemd-boot", d.host().get("bootLoader"));
        assertEquals("on", d.host().get("iommu"));
        assertEquals("on", d.host().get("interruptRemapping"));
    }

    @Test
    void aGrepWithoutIommuLinesProvesNothingAboutTheIommu() {
        Diagnosis d = DIAGNOSER.diagnose("root@pve:~# dmesg | grep vfio\n[  104.2] vfio-pci 0000:01:00.0: enabling device (0000 -> 0003)\n");
        assertFalse(ids(d).contains("iommu-not-enabled"));
    }

    @Test
    void theWikiGrepOnAmdCannotTellRemappingAndAsksForIt() {
        Diagnosis d = DIAGNOSER.diagnose("""
                root@pve:~# dmesg | grep -e DMAR -e IOMMU
                [    0.521412] pci 0000:00:00.2: AMD-Vi: IOMMU performance counters supported
                [    0.531710] perf/amd_iommu: Detected AMD IOMMU #0 (2 banks, 4 counters/bank).
                """);
        assertEquals(List.of("none"), ids(d));
        assertEquals("irq-remapping", d.nextSteps().get(0).probe());
    }

    @Test
    void aCountUnderAPromptIsThatCommandsOutput() {
        Diagnosis d = DIAGNOSER.diagnose("root@pve:~# find /sys/kernel/iommu_groups/ -type l | wc -l\n0\n");
        assertEquals(List.of("iommu-groups"), d.parts().stream().map(RecognizedPart::kind).toList());
        assertEquals(List.of("iommu-not-enabled"), ids(d));
    }

    @Test
    void proseAloneIsInsufficientInfoWithANextStep() {
        Diagnosis d = DIAGNOSER.diagnose("my gpu passthrough does not work, black screen, help\n");
        assertEquals(List.of("insufficient-info"), ids(d));
        assertEquals("unknown", d.parts().get(0).kind());
        assertEquals("kernel-iommu", d.nextSteps().get(0).probe());
        assertEquals("dmesg | grep -e DMAR -e IOMMU -e AMD-Vi", d.nextSteps().get(0).command());
    }

    @Test
    void groupNotViableAsksForTheGroupListing() {
        Diagnosis d = DIAGNOSER.diagnose("kvm: -device vfio-pci,host=0000:01:00.0,id=hostpci0: vfio 0000:01:00.0:"
                + " group 13 is not viable\nTASK ERROR: start failed: QEMU exited with code 1\n");
        assertEquals("group-not-viable", d.findings().get(0).id());
        assertEquals("vm-start-error", d.parts().get(0).kind());
        assertEquals("iommu-groups", d.nextSteps().get(0).probe());
    }

    @Test
    void theNextStepNamesTheVmThePasteShowed() {
        Diagnosis d = DIAGNOSER.diagnose("""
                root@pve:~# qm start 104
                kvm: -device vfio-pci,host=0000:01:00.0,id=hostpci0: Invalid PCI ROM header signature: expecting 0xaa55, got 0xffff
                root@pve:~# dmesg | grep -e DMAR -e IOMMU
                [    0.412345] DMAR: Intel(R) Virtualization Technology for Directed I/O
                [    0.161904] DMAR-IR: Enabled IRQ remapping in x2apic mode
                root@pve:~# find /sys/kernel/iommu_groups/ -type l
                /sys/kernel/iommu_groups/13/devices/0000:01:00.0
                root@pve:~# lsmod | grep vfio
                vfio_pci               16384  0
                vfio_iommu_type1       49152  0
                vfio                   65536  3 vfio_pci_core,vfio_iommu_type1,vfio_pci
                root@pve:~# lspci -nnk -s 01:00.0
                01:00.0 VGA compatible controller [0300]: NVIDIA Corporation GP104 [10de:1b80] (rev a1)
                	Kernel driver in use: vfio-pci
                """);
        assertEquals(List.of("rom-invalid"), ids(d));
        NextStep next = d.nextSteps().get(d.nextSteps().size() - 1);
        assertEquals("qm-config", next.probe());
        assertEquals("qm config 104", next.command());
    }

    @Test
    void repeatedMessagesFireOnlyFromTheirMinimumCount() {
        String line = "[ 300.1] vfio-pci 0000:01:00.0: vfio_bar_restore: reset recovery - restoring bars\n";
        assertFalse(ids(DIAGNOSER.diagnose(line + line)).contains("bar-restore-loop"));
        assertTrue(ids(DIAGNOSER.diagnose(line + line + line)).contains("bar-restore-loop"));
    }

    @Test
    void evidenceIsCappedHoweverOftenAMessageRepeats() {
        String line = "[ 300.1] DMAR: DRHD: handling fault status reg 2\n";
        Diagnosis d = DIAGNOSER.diagnose(line.repeat(10_000));
        Finding f = d.findings().get(0);
        assertEquals("dmar-fault", f.id());
        assertEquals(MessageScan.MAX_KEPT, f.evidence().size());
        assertTrue(f.detail().contains("10000 times"), f.detail());
    }

    @Test
    void emptyInputIsRejectedWithAMessage() {
        InputRejectedException e = assertThrows(InputRejectedException.class, () -> DIAGNOSER.diagnose("  \n\n"));
        assertTrue(e.getMessage().contains("empty"));
        assertThrows(InputRejectedException.class, () -> DIAGNOSER.diagnose(new ByteArrayInputStream(new byte[0])));
    }

    @Test
    void binaryInputIsRejectedWithAMessage() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
        InputRejectedException e = assertThrows(InputRejectedException.class,
                () -> DIAGNOSER.diagnose(new ByteArrayInputStream(png)));
        assertTrue(e.getMessage().contains("binary"));
    }

    @Test
    void invalidUtf8IsReadLenientlyAndSaidSo() {
        byte[] bytes = "[ 1.0] vfio-pci 0000:05:00.0: BAR 0: can't reserve [mem 0xd0000000-0xdfffffff 64bit pref] \u00ff\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        Diagnosis d = DIAGNOSER.diagnose(new ByteArrayInputStream(bytes));
        assertEquals("bar-reserve-conflict-efifb", d.findings().get(0).id());
        assertTrue(d.notices().stream().anyMatch(n -> n.contains("UTF-8")), d.notices().toString());
    }

    @Test
    void aOneMegabyteLineIsCutNotFatal() {
        String pasted = "x".repeat(1 << 20) + "\u00e9" + "\n[ 1.0] DMAR: DRHD: handling fault status reg 2\n";
        Diagnosis d = DIAGNOSER.diagnose(pasted);
        assertEquals("dmar-fault", d.findings().get(0).id());
        assertTrue(d.notices().get(0).contains("cut"), d.notices().toString());
    }

    private static final byte[] LINE_START = "[ 12.345678] ".getBytes(StandardCharsets.US_ASCII);

    @Test
    void aStringOverTheSizeLimitIsRejectedBeforeAnyCopy() {
        String huge = "a".repeat((int) PasteReader.MAX_BYTES + 1);
        InputRejectedException e = assertThrows(InputRejectedException.class, () -> DIAGNOSER.diagnose(huge));
        assertTrue(e.getMessage().contains("64 MiB"));
    }

    @Test
    void aStreamOverTheSizeLimitIsRejectedWithoutReadingItWhole() {
        InputStream endless = new InputStream() {
            private long served;

            @Override
            public int read() {
                return served++ < PasteReader.MAX_BYTES + 10 ? 'a' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (served > PasteReader.MAX_BYTES + 10) {
                    return -1;
                }
                // a kernel log of long lines: the fast path, so the test stays quick
                for (int i = 0; i < len; i++) {
                    int col = i % 4000;
                    b[off + i] = (byte) (col == 3999 ? '\n' : col < LINE_START.length ? LINE_START[col] : 'a');
                }
                served += len;
                return len;
            }
        };
        InputRejectedException e = assertThrows(InputRejectedException.class, () -> DIAGNOSER.diagnose(endless));
        assertTrue(e.getMessage().contains("64 MiB"));
    }
}
