package dev.pcibot.kb.diagnose.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pcibot.kb.diagnose.parse.CmdlineOutput.Source;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

final class CmdlineParserTest {
    private final CmdlineParser parser = new CmdlineParser();

    private CmdlineOutput sample(String name) {
        return parser.parse(Samples.read("cmdline/" + name));
    }

    private static List<String> names(CmdlineOutput out) {
        return out.params().stream().map(KernelParam::name).toList();
    }

    private static List<String> reasons(CmdlineOutput out) {
        return out.malformed().stream().map(MalformedToken::reason).toList();
    }

    @Test
    void readsProcCmdlineInOrder() {
        CmdlineOutput out = sample("proc-grub-intel.txt");

        assertEquals(Source.PROC_CMDLINE, out.source());
        assertEquals(
                List.of("BOOT_IMAGE", "root", "ro", "quiet", "intel_iommu", "iommu"), names(out));
        assertEquals("on", out.value("intel_iommu").orElseThrow());
        assertEquals("pt", out.value("iommu").orElseThrow());
        assertTrue(out.has("quiet"));
        assertNull(out.param("quiet").orElseThrow().value());
        assertTrue(out.duplicates().isEmpty());
        assertTrue(out.malformed().isEmpty());
    }

    @Test
    void readsSystemdBootProcCmdlineWithAcsOverride() {
        CmdlineOutput out = sample("proc-systemd-boot-zfs-acs.txt");

        assertEquals(Source.PROC_CMDLINE, out.source());
        assertEquals("ZFS=rpool/ROOT/pve-1", out.value("root").orElseThrow());
        assertEquals("downstream,multifunction", out.value("pcie-acs-override").orElseThrow());
        assertEquals("efifb:off", out.value("video").orElseThrow());
        assertFalse(out.has("intel_iommu"));
    }

    @Test
    void findsDuplicatesAcrossWrappedLinesButNotRepeatedConsoles() {
        CmdlineOutput out = sample("proc-wrapped-crlf-duplicates.txt");

        assertEquals(List.of("intel_iommu"), out.duplicates());
        assertEquals(2, out.all("intel_iommu").size());
        assertEquals(2, out.all("console").size());
        assertEquals("10de:1b80,10de:10f0", out.value("vfio_pci_ids").orElseThrow());
        assertEquals("vfio-pci-ids", out.param("vfio_pci_ids").orElseThrow().name());
    }

    @Test
    void readsGrubDefaultCmdlineVariablesAndSettings() {
        CmdlineOutput out = sample("etc-default-grub-pve8.txt");

        assertEquals(Source.GRUB_DEFAULT, out.source());
        assertEquals(List.of("quiet", "intel_iommu", "iommu", "initcall_blacklist"), names(out));
        assertEquals("sysfb_init", out.value("initcall_blacklist").orElseThrow());
        assertEquals("GRUB_CMDLINE_LINUX_DEFAULT", out.param("iommu").orElseThrow().origin());
        assertEquals("5", out.grubVariables().get("GRUB_TIMEOUT"));
        assertTrue(out.malformed().isEmpty());
    }

    @Test
    void grubShowsReplacedLinesStrayParametersAndExpansion() {
        CmdlineOutput out = sample("etc-default-grub-problems.txt");

        // the earlier DEFAULT line with the IOMMU parameters is replaced by the stock "quiet"
        assertFalse(out.has("amd_iommu"));
        assertEquals(List.of("rootdelay", "nofb", "nomodeset", "video", "quiet"), names(out));
        assertEquals(
                List.of(
                        "after the closing quote of GRUB_CMDLINE_LINUX: not part of the command"
                                + " line",
                        "outside GRUB_CMDLINE_LINUX_DEFAULT=\"...\": has no effect",
                        "replaced by a later GRUB_CMDLINE_LINUX_DEFAULT line: has no effect"),
                reasons(out).stream().sorted().toList());
        assertEquals(
                "GRUB_CMDLINE_LINUX_DEFAULT=\"quiet amd_iommu=on iommu=pt\"",
                out.malformed().stream()
                        .filter(m -> m.reason().startsWith("replaced"))
                        .findFirst()
                        .orElseThrow()
                        .text());
    }

    @Test
    void readsBareKernelCmdline() {
        CmdlineOutput out = sample("etc-kernel-cmdline-ok.txt");

        assertEquals(Source.KERNEL_CMDLINE, out.source());
        assertEquals(List.of("root", "boot", "quiet", "intel_iommu", "iommu"), names(out));
        assertTrue(out.malformed().isEmpty());
    }

    @Test
    void flagsGrubLineInsideKernelCmdline() {
        CmdlineOutput out =
                new CmdlineParser(Source.KERNEL_CMDLINE)
                        .parse(Samples.read("cmdline/etc-kernel-cmdline-grub-line.txt"));

        assertEquals(
                List.of("/etc/kernel/cmdline takes bare parameters, not a GRUB_ variable line"),
                reasons(out));
        assertTrue(out.malformed().get(0).text().startsWith("GRUB_CMDLINE_LINUX_DEFAULT=\"quiet"));
        // the kernel takes the whole quoted line as one unknown parameter: iommu=pt is not in
        // effect
        assertFalse(out.has("iommu"));
        assertTrue(out.params().isEmpty());
    }

    @Test
    void guessesGrubForALoneGrubLineWhichIsWhyCallersPassTheSource() {
        CmdlineOutput out = sample("etc-kernel-cmdline-grub-line.txt");

        assertEquals(Source.GRUB_DEFAULT, out.source());
        assertEquals("pt", out.value("iommu").orElseThrow());
    }

    @Test
    void joinsParameterWrappedBeforeItsEqualsSign() {
        CmdlineOutput out = sample("etc-kernel-cmdline-wrapped.txt");

        assertEquals("sysfb_init", out.value("initcall_blacklist").orElseThrow());
        assertTrue(out.malformed().isEmpty());
    }

    @Test
    void flagsSecondLineOfKernelCmdline() {
        CmdlineOutput out = sample("etc-kernel-cmdline-two-lines.txt");

        assertEquals(Source.KERNEL_CMDLINE, out.source());
        assertEquals(
                List.of(
                        "a second line in /etc/kernel/cmdline: proxmox-boot-tool uses only the"
                                + " first line"),
                reasons(out));
        assertEquals("amd_iommu=on iommu=pt", out.malformed().get(0).text());
    }

    @ParameterizedTest
    @CsvSource({
        "'intel_iommu = on', =",
        "'quiet \"unclosed value', \"unclosed value",
        "'intel_iommu:on', intel_iommu:on",
        "'pcie_acs_override=', pcie_acs_override="
    })
    void reportsTokensTheKernelWouldMisread(String line, String badToken) {
        CmdlineOutput out = new CmdlineParser(Source.PROC_CMDLINE).parse(line);

        assertEquals(badToken, out.malformed().get(0).text());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "\n\n",
                "\u0000",
                "\"",
                "GRUB_CMDLINE_LINUX_DEFAULT=\"",
                "=",
                "# only a comment"
            })
    void oddInputNeverThrows(String text) {
        for (Source source : Source.values()) {
            CmdlineOutput out = new CmdlineParser(source).parse(text);
            assertEquals(source, out.source());
        }
        parser.parse(text);
    }

    @Test
    void flagsTypographicQuotesCopiedFromAWebPage() {
        CmdlineOutput grub =
                new CmdlineParser(Source.GRUB_DEFAULT)
                        .parse("GRUB_CMDLINE_LINUX_DEFAULT=\u201Cquiet intel_iommu=on\u201D\n");
        CmdlineOutput bare =
                new CmdlineParser(Source.KERNEL_CMDLINE)
                        .parse("root=ZFS=rpool/ROOT/pve-1 boot=zfs video=\u201Cefifb:off\u201D");

        assertTrue(reasons(grub).get(0).startsWith("typographic quotes"));
        assertEquals(List.of("typographic quotes are not quotes to the kernel"), reasons(bare));
        assertFalse(bare.has("video"));
    }

    @Test
    void noBreakSpacesFromWebPagesSeparateParameters() {
        CmdlineOutput out =
                parser.parse(
                        "BOOT_IMAGE=/boot/vmlinuz-6.8.12-4-pve\u00A0ro\u00A0intel_iommu=on\u200B");

        assertEquals(List.of("BOOT_IMAGE", "ro", "intel_iommu"), names(out));
        assertEquals("on", out.value("intel_iommu").orElseThrow());
    }

    static List<String> samples() {
        return Samples.list("cmdline");
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everySampleParsesWithNoUnparsedLines(String name) {
        Source source =
                name.contains("/proc-")
                        ? Source.PROC_CMDLINE
                        : name.contains("/etc-default-grub")
                                ? Source.GRUB_DEFAULT
                                : Source.KERNEL_CMDLINE;
        CmdlineOutput out = new CmdlineParser(source).parse(Samples.read(name));

        assertEquals(name.endsWith("grub-line.txt"), out.params().isEmpty(), name);
        assertEquals(List.of(), out.unparsed(), name);
        // the guess agrees with the file name except for the lone GRUB line (ambiguous by nature)
        Map<String, Source> exceptions =
                Map.of("cmdline/etc-kernel-cmdline-grub-line.txt", Source.GRUB_DEFAULT);
        assertEquals(
                exceptions.getOrDefault(name, source),
                parser.parse(Samples.read(name)).source(),
                name);
    }
}
