package dev.pcibot.kb.diagnose.parse;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * Reads {@code lspci} output: {@code -nn}, {@code -k}, {@code -nnk}, {@code -v}/{@code -vv}/ {@code
 * -vvv} (with or without root), {@code -s ADDR}, a {@code grep VGA} of any of them, and the
 * machine-readable {@code -vmm}/{@code -vmmkn} blocks. Typical input (all samples: test resources
 * samples/lspci-nnk/, samples/lspci-vv/, samples/lspci-vmm/):
 *
 * <pre>
 * 01:00.0 VGA compatible controller [0300]: NVIDIA Corporation GP104 [GeForce GTX 1080] [10de:1b80] (rev a1)
 *         Subsystem: Micro-Star International Co., Ltd. [MSI] GP104 [GeForce GTX 1080] [1462:3362]
 *         Kernel driver in use: vfio-pci
 *         Kernel modules: nvidiafb, nouveau
 * </pre>
 *
 * Indentation is not trusted (users re-indent pastes): a line is a header when it starts with an
 * address, a detail when it starts with {@code Key:}, and otherwise the wrapped tail of the line
 * before it.
 */
public final class LspciParser implements Parser<LspciOutput> {
    private static final Pattern DETAIL_KEY =
            Pattern.compile("^[A-Za-z][A-Za-z0-9 /()_.#-]{0,40}:(\\s.*|$)");
    private static final Pattern CAPABILITY =
            Pattern.compile("^Capabilities:\\s*\\[([^\\]]+)\\]\\s*(.*)$");
    private static final Pattern GROUP_LINE = Pattern.compile("^IOMMU group:\\s*(\\d+)$");
    private static final Pattern REGION =
            Pattern.compile(
                    "^(Region \\d+:|Memory at|I/O ports at|Expansion ROM at|\\[virtual\\] )");
    private static final Pattern MACHINE_START =
            Pattern.compile(
                    "^(Slot|Device):\\s+(?:[0-9a-fA-F]{4,8}:)?[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\\.[0-7]$");

    @Override
    public LspciOutput parse(String text) {
        List<String> lines = TextLines.of(text);
        // -vmm starts every block with "Slot:"; single -m with "Device:" holding the address
        boolean machine =
                lines.stream()
                                .anyMatch(
                                        l ->
                                                l.strip().startsWith("Slot:")
                                                        && MACHINE_START
                                                                .matcher(l.strip())
                                                                .matches())
                        || (!lines.isEmpty()
                                && MACHINE_START.matcher(lines.get(0).strip()).matches());
        if (machine) {
            return LspciMachineReader.read(lines);
        }
        return new Walk().run(lines);
    }

    /** The state of one pass over human-readable output. */
    private static final class Walk {
        private final List<LspciDevice> devices = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();
        private final List<String> unparsed = new ArrayList<>();
        private @Nullable LspciDeviceBuilder current;
        private @Nullable String capOffset;
        private String capName = "";
        private final List<String> capBody = new ArrayList<>();
        private Last last = Last.NONE;

        private enum Last {
            NONE,
            HEADER,
            SUBSYSTEM,
            DETAIL
        }

        LspciOutput run(List<String> lines) {
            for (String line : lines) {
                String s = line.strip();
                if (s.isEmpty() || "--".equals(s)) { // "--" separates grep -A/-B matches
                    last = Last.NONE;
                } else if (s.startsWith("lspci:") || s.startsWith("pcilib:")) {
                    warnings.add(s);
                } else if (LspciHeader.START.matcher(s).matches()) {
                    finish();
                    current = new LspciDeviceBuilder(s);
                    last = Last.HEADER;
                } else if (current == null) {
                    unparsed.add(line);
                } else {
                    detail(current, s);
                }
            }
            finish();
            return new LspciOutput(devices, warnings, unparsed);
        }

        private void detail(LspciDeviceBuilder d, String s) {
            Matcher cap = CAPABILITY.matcher(s);
            Matcher group = GROUP_LINE.matcher(s);
            Last next = Last.DETAIL;
            if (s.startsWith("Kernel driver in use:")) {
                flushCapability(d);
                d.driverInUse = s.substring(21).strip();
            } else if (s.startsWith("Kernel modules:")) {
                flushCapability(d);
                d.modules(s.substring(15));
            } else if (s.startsWith("Capabilities: <access denied>")) {
                flushCapability(d);
                d.capabilitiesDenied = true;
            } else if (cap.matches()) {
                flushCapability(d);
                capOffset = cap.group(1);
                capName = cap.group(2).strip();
            } else if (capOffset != null) {
                capBody.add(s); // inside a capability block every line belongs to it
            } else if (s.startsWith("Subsystem:")) {
                d.subsystem(s.substring(10));
                next = Last.SUBSYSTEM;
            } else if (group.matches() && Digits.smallInt(group.group(1)) != null) {
                d.iommuGroup = Digits.smallInt(group.group(1));
            } else if (REGION.matcher(s).find()) {
                d.regions.add(s);
            } else if (DETAIL_KEY.matcher(s).matches()) {
                if (s.startsWith("Flags:")) {
                    d.flags(s);
                }
                d.details.add(s);
            } else {
                continuation(d, s);
                return;
            }
            last = next;
        }

        // A wrapped line: glue it to what it was cut from (header, subsystem or detail).
        private void continuation(LspciDeviceBuilder d, String s) {
            switch (last) {
                case HEADER -> d.headerTail(s);
                case SUBSYSTEM -> d.subsystem((d.subsystem == null ? "" : d.subsystem + " ") + s);
                case DETAIL -> {
                    if (d.details.isEmpty()) {
                        unparsed.add(s);
                    } else {
                        int i = d.details.size() - 1;
                        d.details.set(i, d.details.get(i) + " " + s);
                    }
                }
                case NONE -> unparsed.add(s);
            }
        }

        private void flushCapability(LspciDeviceBuilder d) {
            if (capOffset != null) {
                d.capabilities.add(new PciCapability(capOffset, capName, capBody));
                capOffset = null;
                capBody.clear();
            }
        }

        private void finish() {
            if (current == null) {
                return;
            }
            flushCapability(current);
            LspciDevice device = current.build();
            if (device == null) {
                unparsed.add(current.header.toString());
            } else {
                devices.add(device);
            }
            current = null;
        }
    }
}
