package dev.pcibot.kb.diagnose;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Vendor and device names from the PCI ID database: /usr/share/misc/pci.ids when the host has it
 * (newer), else the copy bundled in content/diagnose/ (Debian's pci.ids package, licence beside
 * it). Only vendor and device lines are kept (about 40,000 names); subsystems are skipped.
 */
public final class PciIds {
    static final Path SYSTEM_FILE = Path.of("/usr/share/misc/pci.ids");
    static final String BUNDLED = "/content/diagnose/pci.ids";

    private final Map<String, String> vendors;
    private final Map<String, String> devices;

    private PciIds(Map<String, String> vendors, Map<String, String> devices) {
        this.vendors = vendors;
        this.devices = devices;
    }

    /** The shared database, read on first use. */
    public static PciIds get() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        static final PciIds INSTANCE = load();
    }

    private static PciIds load() {
        try {
            if (Files.isReadable(SYSTEM_FILE)) {
                try (InputStream in = Files.newInputStream(SYSTEM_FILE)) {
                    return read(in);
                }
            }
            try (InputStream in = PciIds.class.getResourceAsStream(BUNDLED)) {
                if (in == null) {
                    throw new IllegalStateException(BUNDLED + " is missing from the class path");
                }
                return read(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PciIds read(InputStream in) throws IOException {
        Map<String, String> vendors = new HashMap<>();
        Map<String, String> devices = new HashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String vendor = null;
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.startsWith("C ")) {
                break; // the class list follows the vendors
            }
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("\t\t")) {
                continue;
            }
            if (line.startsWith("\t")) {
                if (vendor != null && line.length() > 6) {
                    devices.put(vendor + ":" + line.substring(1, 5).toLowerCase(Locale.ROOT), line.substring(5).strip());
                }
            } else if (line.length() > 5) {
                vendor = line.substring(0, 4).toLowerCase(Locale.ROOT);
                vendors.put(vendor, line.substring(4).strip());
            }
        }
        return new PciIds(Map.copyOf(vendors), Map.copyOf(devices));
    }

    /** "Vendor Device" for {@code 10de:1b80}, or just the vendor when the device is unknown. */
    public Optional<String> name(String vendorDevice) {
        String id = vendorDevice.toLowerCase(Locale.ROOT);
        int colon = id.indexOf(':');
        if (colon != 4) {
            return Optional.empty();
        }
        String vendor = vendors.get(id.substring(0, 4));
        String device = devices.get(id);
        if (vendor == null) {
            return Optional.empty();
        }
        return Optional.of(device == null ? vendor : vendor + " " + device);
    }
}
