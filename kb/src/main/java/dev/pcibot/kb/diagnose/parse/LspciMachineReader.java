package dev.pcibot.kb.diagnose.parse;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * Reads the machine-readable form ({@code lspci -vmm}, {@code -vmmk}, {@code -vmmkn}, {@code
 * -vmmnn}): blank-line separated blocks of {@code Key:<TAB>value}.
 *
 * <pre>
 * Slot:	01:00.0
 * Class:	VGA compatible controller [0300]
 * Vendor:	NVIDIA Corporation [10de]
 * Driver:	vfio-pci
 * </pre>
 *
 * A block starts at {@code Slot:}, or at a {@code Device:} holding an address (single {@code -m}),
 * so a paste with its blank lines lost still splits right.
 */
final class LspciMachineReader {
    private static final Pattern KEY_VALUE = Pattern.compile("^([A-Za-z]+):\\s*(.*)$");
    private static final Pattern CODE = Pattern.compile("^[0-9a-fA-F]{2,4}$");
    private static final Pattern NAME_CODE = Pattern.compile("^(.*?)\\s*\\[([0-9a-fA-F]{4})\\]$");

    private LspciMachineReader() {}

    static LspciOutput read(List<String> lines) {
        List<LspciDevice> devices = new ArrayList<>();
        List<String> unparsed = new ArrayList<>();
        Block block = null;
        for (String line : lines) {
            String s = line.strip();
            if (s.isEmpty()) {
                continue;
            }
            Matcher kv = KEY_VALUE.matcher(s);
            if (!kv.matches()) {
                unparsed.add(line);
                continue;
            }
            String key = kv.group(1);
            String value = kv.group(2).strip();
            boolean starts =
                    ("Slot".equals(key) || "Device".equals(key))
                            && PciAddress.parse(value).filter(a -> !a.allFunctions()).isPresent();
            if (starts) {
                if (block != null) {
                    devices.add(block.build());
                }
                block = new Block(PciAddress.of(value));
            } else if (block == null) {
                unparsed.add(line);
            } else {
                block.put(key, value, s);
            }
        }
        if (block != null) {
            devices.add(block.build());
        }
        return new LspciOutput(devices, List.of(), unparsed);
    }

    /** One {@code Slot:} block: names and codes arrive as separate keys. */
    private static final class Block {
        private final LspciDeviceBuilder d;
        private @Nullable String vendorName;
        private @Nullable String deviceName;
        private @Nullable String subVendorName;
        private @Nullable String subDeviceName;
        private @Nullable String subVendorId;
        private @Nullable String subDeviceId;

        Block(PciAddress address) {
            d = new LspciDeviceBuilder(address);
        }

        void put(String key, String value, String line) {
            String[] nc = nameAndCode(value);
            switch (key) {
                case "Class" -> {
                    d.className = nc[0];
                    d.classCode = nc[1];
                }
                case "Vendor" -> {
                    vendorName = nc[0];
                    d.vendorId = nc[1];
                }
                case "Device" -> {
                    deviceName = nc[0];
                    d.deviceId = nc[1];
                }
                case "SVendor" -> {
                    subVendorName = nc[0];
                    subVendorId = nc[1];
                }
                case "SDevice" -> {
                    subDeviceName = nc[0];
                    subDeviceId = nc[1];
                }
                case "Rev" -> d.revision = value.toLowerCase();
                case "ProgIf" -> d.progIf = value.toLowerCase();
                case "Driver" -> d.driverInUse = value;
                case "Module" -> d.kernelModules.add(value);
                case "IOMMUGroup" -> d.iommuGroup = parseGroup(value);
                default -> d.details.add(line); // PhySlot, NUMANode and what newer pciutils add
            }
        }

        LspciDevice build() {
            d.description = join(vendorName, deviceName);
            String sub = join(subVendorName, subDeviceName);
            d.subsystem = sub.isEmpty() ? null : sub;
            if (subVendorId != null && subDeviceId != null) {
                d.subsystemIds = subVendorId + ":" + subDeviceId;
            }
            LspciDevice device = d.build();
            if (device == null) {
                throw new IllegalStateException("a block always has its address");
            }
            return device;
        }

        private static @Nullable Integer parseGroup(String value) {
            return value.matches("\\d{1,6}") ? Integer.valueOf(value) : null;
        }

        private static String join(@Nullable String a, @Nullable String b) {
            return ((a == null ? "" : a) + " " + (b == null ? "" : b)).strip();
        }

        // "NVIDIA Corporation [10de]" (-nn), "10de" (-n) or "NVIDIA Corporation" (names only)
        private static @Nullable String[] nameAndCode(String value) {
            Matcher m = NAME_CODE.matcher(value);
            if (m.matches()) {
                return new String[] {m.group(1), m.group(2).toLowerCase()};
            }
            if (CODE.matcher(value).matches()) {
                return new String[] {null, value.toLowerCase()};
            }
            return new String[] {value, null};
        }
    }
}
