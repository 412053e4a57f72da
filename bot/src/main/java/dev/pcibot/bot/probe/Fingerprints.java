package dev.pcibot.bot.probe;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * SHA-256 certificate fingerprints in PVE's format ({@code 10:94:FF:…:D8:3A}, upper case, colons),
 * as {@code pvenode cert info} and {@code GET /nodes} print them.
 */
public final class Fingerprints {
    private static final Pattern PVE_FORMAT = Pattern.compile("(?:[0-9A-F]{2}:){31}[0-9A-F]{2}");

    private Fingerprints() {}

    /** The fingerprint of a certificate's DER encoding. */
    public static String of(X509Certificate certificate) throws CertificateEncodingException {
        return of(certificate.getEncoded());
    }

    public static String of(byte[] der) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(der);
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * A configured pin in PVE's format, accepting what admins paste: an optional {@code SHA256 } or
     * {@code sha256//} prefix ({@code openssl x509 -fingerprint -sha256} prints {@code
     * sha256 Fingerprint=…}), lower case, no colons.
     */
    public static Optional<String> normalize(String pin) {
        String s = pin.strip();
        int eq = s.indexOf('=');
        if (eq >= 0 && s.substring(0, eq).toLowerCase(Locale.ROOT).contains("fingerprint")) {
            s = s.substring(eq + 1).strip();
        }
        s = s.replaceFirst("(?i)^sha-?256(?:\\s+|//|:\\s*)", "").strip().toUpperCase(Locale.ROOT);
        if (s.matches("[0-9A-F]{64}")) {
            s = HexFormat.ofDelimiter(":").withUpperCase().formatHex(HexFormat.of().parseHex(s));
        }
        return PVE_FORMAT.matcher(s).matches() ? Optional.of(s) : Optional.empty();
    }
}
