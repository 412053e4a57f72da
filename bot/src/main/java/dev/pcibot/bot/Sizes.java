package dev.pcibot.bot;

import java.util.Locale;

/**
 * Byte counts and waits as people read them, in one unit system for every message of the service
 * (HTTP, Discord, CLI): binary, labelled so, "16 MiB", "12.4 MiB", "900 KiB"; and "20 s", "0.3 s".
 */
public final class Sizes {
    private Sizes() {}

    public static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        double kib = bytes / 1024.0;
        if (kib < 1024) {
            return format(kib) + " KiB";
        }
        return format(kib / 1024.0) + " MiB";
    }

    public static String seconds(java.time.Duration d) {
        return format(d.toMillis() / 1000.0) + " s";
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
