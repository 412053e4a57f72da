package dev.pcibot.bot.probe;

import java.nio.charset.StandardCharsets;

/**
 * Keeps at most N bytes of a probe's output that arrived whole (the Proxmox API's JSON answer), cut
 * as the SSH transport cuts its streams ({@link CappedOutput}): after the last whole line that fits.
 */
final class OutputCap {
    private OutputCap() {}

    /** The kept text and the size of the whole, as a {@link ProbeOutput} without status and time. */
    record Capped(String text, long bytes, boolean truncated) {}

    static Capped cap(String text, int maxBytes) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (utf8.length <= maxBytes) {
            return new Capped(text, utf8.length, false);
        }
        CappedOutput out = new CappedOutput(maxBytes);
        out.write(utf8, 0, utf8.length);
        return new Capped(out.text(true), out.total(), true);
    }
}
