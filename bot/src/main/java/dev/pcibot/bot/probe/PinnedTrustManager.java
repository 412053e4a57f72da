package dev.pcibot.bot.probe;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Set;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts exactly the pinned leaf certificates, by SHA-256 of their DER encoding, and nothing
 * else: no CA, no expiry or host name check (as PVE's own API client does with a pinned
 * fingerprint; the pin is what identifies the node). Extended, so the JDK does not wrap it and add
 * a host name check of its own. Refuses to act as a client-certificate check.
 */
final class PinnedTrustManager extends X509ExtendedTrustManager {
    /** The certificate presented is not a pinned one; carries its fingerprint for the log. */
    static final class PinMismatch extends CertificateException {
        final String presented;

        PinMismatch(String presented) {
            super("certificate not pinned: " + presented);
            this.presented = presented;
        }
    }

    private final Set<String> pins;

    PinnedTrustManager(Set<String> pins) {
        this.pins = Set.copyOf(pins);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the server sent no certificate");
        }
        String presented = Fingerprints.of(chain[0]);
        boolean match = false;
        for (String pin : pins) { // every pin compared, in constant time each
            match |= MessageDigest.isEqual(pin.getBytes(StandardCharsets.US_ASCII), presented.getBytes(StandardCharsets.US_ASCII));
        }
        if (!match) {
            throw new PinMismatch(presented);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("this trust manager checks servers only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
