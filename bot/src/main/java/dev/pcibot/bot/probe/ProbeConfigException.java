package dev.pcibot.bot.probe;

/**
 * The probe configuration is unusable; the message names the key and says what it should hold.
 * Thrown at start, so the service does not run with probes half set up.
 */
public final class ProbeConfigException extends RuntimeException {
    public ProbeConfigException(String key, String problem) {
        super(key + ": " + problem);
    }
}
