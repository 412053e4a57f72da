package dev.pcibot.kb.diagnose.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

final class KernelLogParserTest {
    private final KernelLogParser parser = new KernelLogParser();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[    0.037393] DMAR: IOMMU enabled | DMAR: IOMMU enabled",
        "[Sat Nov 21 10:00:02 2026] DMAR-IR: Enabled IRQ remapping in x2apic mode | DMAR-IR: Enabled IRQ remapping in x2apic mode",
        "kern  :info  : [Fri Apr  7 00:04:33 2023] DMAR: DRHD base: 0x0 | DMAR: DRHD base: 0x0",
        "<6>[    1.000000] AMD-Vi: Interrupt remapping enabled | AMD-Vi: Interrupt remapping enabled",
        "[  +0.000123] vfio-pci 0000:01:00.0: enabling device | vfio-pci 0000:01:00.0: enabling device",
        "Nov 21 10:00:01 pve kernel: vfio-pci 0000:01:00.0: BAR 3: x | vfio-pci 0000:01:00.0: BAR 3: x",
        "Nov 21 10:00:01 pve QEMU[4242]: kvm: -device vfio-pci,host=0000:01:00.0: x | kvm: -device vfio-pci,host=0000:01:00.0: x",
        "2026-11-21T10:00:01+0000 pve kernel: DMAR: IOMMU enabled | DMAR: IOMMU enabled",
        "2026-11-21T10:00:01,123456+00:00 DMAR: IOMMU enabled | DMAR: IOMMU enabled",
        "DMAR: IOMMU enabled | DMAR: IOMMU enabled",
        "[    0.000000] Command line: BOOT_IMAGE=/boot/vmlinuz ro | Command line: BOOT_IMAGE=/boot/vmlinuz ro",
        // kern.log cut after the host name (pcengines/apu2-documentation issue 240)
        "kernel: [  221.565929] IO_PAGE_FAULT device=05:00.0 domain=0x0012 | IO_PAGE_FAULT device=05:00.0 domain=0x0012",
    })
    void removesEveryTimestampAndJournalPrefix(String line, String message) {
        assertEquals(message, KernelLogParser.message(line));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // a message that looks like "host ident:" must survive an ISO stamp without a journal
        "2026-11-21T10:00:01,123456+00:00 Command line: quiet | Command line: quiet",
        // "kernel:" alone is a prefix only before a kernel timestamp
        "kernel: module verification failed | kernel: module verification failed",
    })
    void keepsMessagesThatLookLikeJournalIdentifiers(String line, String message) {
        assertEquals(message, KernelLogParser.message(line));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everySampleLineBecomesAMessageWithoutPrefix(String sample) {
        KernelLogOutput out = parser.parse(Samples.read(sample));
        assertFalse(out.messages().isEmpty());
        for (KernelLogOutput.Message m : out.messages()) {
            assertFalse(m.text().startsWith("[") || m.text().startsWith("kern "), sample + ": " + m.text());
        }
        assertTrue(out.unparsed().isEmpty());
    }

    static List<String> samples() {
        return Samples.list("kernel-log");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[    0.1] x | true",
        "[Sat Nov 21 10:00:02 2026] x | true",
        "[] x | false",
        "root@pve:~# dmesg | false",
        "[root@pve ~]# dmesg | false",
        "01:00.0 VGA | false",
    })
    void spotsBracketTimestampsOnRawBytes(String line, boolean expected) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        assertEquals(expected, KernelLogParser.hasBracketPrefix(bytes, 0, bytes.length));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"dmar-grep-intel.txt | DMAR: IOMMU enabled", "xapic-remapping.txt | Enabled IRQ remapping in xapic mode"})
    void keepsTheLineAsPastedBesideTheMessage(String sample, String fragment) {
        KernelLogOutput out = parser.parse(Samples.read("kernel-log/" + sample));
        assertTrue(out.hasMessageContaining(fragment));
        KernelLogOutput.Message m = out.messages().stream().filter(x -> x.text().contains(fragment)).findFirst().orElseThrow();
        assertTrue(m.line().startsWith("["), m.line());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Nov 21 10:00:01 pve kernel: DMAR: IOMMU enabled | true",
        "2026-11-21T10:00:01+0000 pve kernel: DMAR: IOMMU enabled | true",
        "Nov 21 10:00:01 pve pvedaemon[1234]: start VM 100 | false",
        "options vfio-pci ids=10de:1b80 kernel: x | false",
    })
    void spotsJournalKernelLinesOnRawBytes(String line, boolean expected) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        assertEquals(expected, KernelLogParser.hasJournalKernelPrefix(bytes, 0, bytes.length));
    }
}
