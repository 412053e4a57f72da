package dev.pcibot.bot.http;

import java.util.Locale;

/** Byte counts the way people read them in messages: {@code 16 MB}, {@code 512 KB}. */
final class Sizes {
    private Sizes() {}

    static String human(long bytes) {
        if (bytes >= 1024L * 1024 && bytes % (1024L * 1024) == 0) {
            return bytes / (1024L * 1024) + " MB";
        }
        if (bytes >= 1024L * 1024) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
        }
        if (bytes >= 1024) {
            return bytes / 1024 + " KB";
        }
        return bytes + " bytes";
    }
}
