package dev.pcibot.kb.diagnose;

import dev.pcibot.ingest.TsvRows;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * PCI models with a known passthrough trouble (AMD reset bug, ...), from
 * content/diagnose/known-devices.tsv: data, so a new model is a new line, not code.
 */
public final class KnownDevices {
    static final String RESOURCE = "/content/diagnose/known-devices.tsv";

    /**
     * One row.
     *
     * @param vendorDevice {@code 1002:67df}
     * @param findingId the finding it leads to
     * @param model the model family, for the user
     * @param note one sentence for the user
     */
    public record KnownDevice(String vendorDevice, String findingId, String model, String note) {}

    private static final Map<String, KnownDevice> BY_ID = load();

    private KnownDevices() {}

    /** The known trouble of this {@code vendor:device}, if any. */
    public static Optional<KnownDevice> of(String vendorDevice) {
        return Optional.ofNullable(BY_ID.get(vendorDevice.toLowerCase(Locale.ROOT)));
    }

    private static Map<String, KnownDevice> load() {
        Map<String, KnownDevice> rows = new HashMap<>();
        try (InputStream in = KnownDevices.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            for (TsvRows.Row row : TsvRows.read(in, RESOURCE)) {
                List<String> cols = row.filled();
                if (cols.size() != 4 || !cols.get(0).matches("\\p{XDigit}{4}:\\p{XDigit}{4}")) {
                    throw row.fail("expected id, finding, model, note");
                }
                rows.put(cols.get(0).toLowerCase(Locale.ROOT),
                        new KnownDevice(cols.get(0), cols.get(1), cols.get(2), cols.get(3)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(rows);
    }
}
