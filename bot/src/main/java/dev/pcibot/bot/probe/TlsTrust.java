package dev.pcibot.bot.probe;

import java.nio.file.Path;
import java.util.Set;

/**
 * How a node's HTTPS certificate is trusted; there is no third way (no trust on first use, no
 * "insecure" switch).
 */
public sealed interface TlsTrust {
    /** The leaf certificate's SHA-256 must be one of these ({@code AA:BB:…}); no host name check, as PVE's own client. */
    record Pin(Set<String> fingerprints) implements TlsTrust {
        public Pin {
            fingerprints = Set.copyOf(fingerprints);
        }
    }

    /** PKIX to this CA alone, with host name verification against the certificate's names. */
    record Ca(Path pemFile) implements TlsTrust {}
}
