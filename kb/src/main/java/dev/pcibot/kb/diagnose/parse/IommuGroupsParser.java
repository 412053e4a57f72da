package dev.pcibot.kb.diagnose.parse;

import java.util.List;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * Reads an IOMMU group listing in any of its popular shapes: {@code find /sys/kernel/iommu_groups/
 * -type l}, the Arch wiki loop ({@code IOMMU Group N:} then indented {@code lspci -nns} lines), the
 * {@code for d in /sys/kernel/iommu_groups/*}{@code /devices/*} one-liner ({@code IOMMU Group N
 * 01:00.0 ...} per line), and {@code pvesh get /nodes/NODE/hardware/pci} as table or JSON. Typical
 * input (all samples: test resources samples/iommu-groups/ and samples/pci-json/):
 *
 * <pre>
 * IOMMU Group 1:
 *         00:01.0 PCI bridge [0604]: Intel Corporation 6th-10th Gen Core Processor PCIe Controller (x16) [8086:1901] (rev 05)
 *         01:00.0 VGA compatible controller [0300]: NVIDIA Corporation GA104 [GeForce RTX 3070 Ti] [10de:2482] (rev a1)
 *         01:00.1 Audio device [0403]: NVIDIA Corporation GA104 High Definition Audio Controller [10de:228b] (rev a1)
 * </pre>
 */
public final class IommuGroupsParser implements Parser<IommuGroupsOutput> {
    private static final Pattern SYSFS =
            Pattern.compile(
                    "^/sys/kernel/iommu_groups/(\\d+)/devices/((?:[0-9a-fA-F]{4,8}:)?[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\\.[0-7])/?$");
    // "IOMMU Group 1:", "IOMMU group 7", "Group 2 - 00:14.0 ...", "IOMMU Group 13 02:00.0 ..."
    private static final Pattern GROUP =
            Pattern.compile(
                    "^(?:IOMMU\\s+)?Group\\s+(\\d+)\\s*[:-]?\\s*(.*)$", Pattern.CASE_INSENSITIVE);

    @Override
    public IommuGroupsOutput parse(String text) {
        List<String> lines = TextLines.of(text);
        GroupCollector out = new GroupCollector();
        if (lines.isEmpty()) {
            return out.build(IommuGroupsOutput.Format.EMPTY);
        }
        if (PveshPciReader.looksLikeJson(lines)) {
            PveshPciReader.readJson(text, lines, out);
            return out.build(IommuGroupsOutput.Format.PVESH_JSON);
        }
        if (PveshPciReader.looksLikeTable(lines)) {
            PveshPciReader.readTable(lines, out);
            return out.build(IommuGroupsOutput.Format.PVESH_TABLE);
        }
        return readLines(lines, out);
    }

    private static IommuGroupsOutput readLines(List<String> lines, GroupCollector out) {
        IommuGroupsOutput.Format format = null;
        Integer current = null;
        String lastMember = null; // the lspci text of the member read last, for wrapped tails
        for (String line : lines) {
            String s = line.strip();
            Matcher sysfs = SYSFS.matcher(s);
            Matcher group = GROUP.matcher(s);
            boolean sysfsLine = sysfs.matches();
            boolean groupLine = !sysfsLine && group.matches();
            Integer number = sysfsLine ? Digits.smallInt(sysfs.group(1))
                    : groupLine ? Digits.smallInt(group.group(1)) : null;
            if (s.isEmpty()) {
                continue;
            } else if ((sysfsLine || groupLine) && number == null) {
                out.unparsed.add(line); // a group number no machine has (130 digits threw before)
            } else if (sysfsLine) {
                out.add(number, GroupMember.of(PciAddress.of(sysfs.group(2))));
                format = format == null ? IommuGroupsOutput.Format.SYSFS_PATHS : format;
                lastMember = null;
            } else if (groupLine) {
                current = number;
                out.open(current);
                format = IommuGroupsOutput.Format.SHELL_LOOP;
                String rest = group.group(2);
                lastMember = rest.isBlank() ? null : rest;
                if (!rest.isBlank() && !addMember(current, rest, out)) {
                    out.unparsed.add(line);
                }
            } else if (current != null && addMember(current, s, out)) {
                lastMember = s;
            } else if (current != null
                    && lastMember != null
                    && glueTail(current, lastMember, s, out)) {
                lastMember = null;
            } else {
                out.unparsed.add(line);
            }
        }
        return out.build(format == null ? IommuGroupsOutput.Format.EMPTY : format);
    }

    private static boolean addMember(int group, String lspciLine, GroupCollector out) {
        return LspciHeader.parse(lspciLine)
                .map(
                        h -> {
                            out.add(group, GroupMember.of(h));
                            return true;
                        })
                .orElse(false);
    }

    /**
     * A line that is no member may be the tail of the previous lspci line, cut by the terminal
     * ({@code ... [100} + {@code 0:0097] (rev 02)}). It is glued back only when that yields the ids
     * lspci always ends with; the cut may fall inside a word or between two.
     */
    private static boolean glueTail(int group, String previous, String tail, GroupCollector out) {
        for (String joined : List.of(previous + tail, previous + " " + tail)) {
            LspciHeader h = LspciHeader.parse(joined).orElse(null);
            if (h != null && h.vendorId() != null) {
                out.replace(group, GroupMember.of(h));
                return true;
            }
        }
        return false;
    }
}
