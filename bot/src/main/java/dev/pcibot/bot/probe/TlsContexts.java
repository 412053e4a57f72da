package dev.pcibot.bot.probe;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS context for a node: its pin alone ({@link PinnedTrustManager}), or PKIX to its cluster CA
 * alone (a trust store holding only that CA; the HTTP client then checks the host name against the
 * certificate, since {@code java.net.http} turns endpoint identification on). The JDK's default
 * trust store is never consulted.
 */
final class TlsContexts {
    private TlsContexts() {}

    static SSLContext forTrust(TlsTrust trust) {
        try {
            TrustManager[] managers = switch (trust) {
                case TlsTrust.Pin pin -> new TrustManager[] {new PinnedTrustManager(pin.fingerprints())};
                case TlsTrust.Ca ca -> caOnly(ca);
            };
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, managers, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot set up TLS for the node: " + e.getMessage(), e);
        }
    }

    private static TrustManager[] caOnly(TlsTrust.Ca ca) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(ca.pemFile())) {
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + i++, c);
            }
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory.getTrustManagers();
    }
}
