package dev.pcibot.bot.probe;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Key pairs and certificates made at test time by the JDK's own {@code keytool}, shaped like PVE's
 * (probes.md §2.2): a self-signed leaf for pin mode, and a "pve-root-ca" that signs a leaf whose
 * names are 127.0.0.1 and localhost (CA mode) and one whose only name is another host (the host
 * name check must refuse it).
 */
final class TestCertificates {
    static final char[] PASSWORD = "changeit".toCharArray();

    final Path dir;
    /** Self-signed, SAN 127.0.0.1 and localhost. */
    final Path selfSigned;
    /** Signed by {@link #caPem}, SAN 127.0.0.1 and localhost. */
    final Path caSigned;
    /** Signed by {@link #caPem}, SAN only pve-elsewhere.example. */
    final Path caSignedOtherName;
    /** The CA certificate, PEM, as /etc/pve/pve-root-ca.pem. */
    final Path caPem;
    /** A second, unrelated CA. */
    final Path otherCaPem;

    private TestCertificates(Path dir) throws IOException {
        this.dir = dir;
        this.selfSigned = dir.resolve("self.p12");
        this.caSigned = dir.resolve("casigned.p12");
        this.caSignedOtherName = dir.resolve("othername.p12");
        this.caPem = dir.resolve("pve-root-ca.pem");
        this.otherCaPem = dir.resolve("other-ca.pem");
        keytool("-genkeypair", "-alias", "pve", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=pve1",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-ext", "EKU=serverAuth", "-validity", "30", "-keystore", selfSigned);
        Path ca = dir.resolve("ca.p12");
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=Proxmox Virtual Environment,O=PVE Cluster Manager CA",
                "-ext", "bc:c", "-validity", "30", "-keystore", ca);
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", ca, "-file", caPem);
        Path other = dir.resolve("other.p12");
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=Other CA",
                "-ext", "bc:c", "-validity", "30", "-keystore", other);
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", other, "-file", otherCaPem);
        signedLeaf(ca, caSigned, "SAN=ip:127.0.0.1,dns:localhost");
        signedLeaf(ca, caSignedOtherName, "SAN=dns:pve-elsewhere.example");
    }

    private static TestCertificates shared;

    /** One set per test JVM: keytool takes seconds per certificate, and the certificates are read-only. */
    static synchronized TestCertificates create() {
        if (shared != null) {
            return shared;
        }
        try {
            shared = new TestCertificates(Files.createTempDirectory("pcibot-certs"));
            return shared;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void signedLeaf(Path ca, Path store, String san) throws IOException {
        keytool("-genkeypair", "-alias", "pve", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=pve1",
                "-validity", "30", "-keystore", store);
        Path csr = dir.resolve(store.getFileName() + ".csr");
        Path crt = dir.resolve(store.getFileName() + ".crt");
        keytool("-certreq", "-alias", "pve", "-keystore", store, "-file", csr);
        keytool("-gencert", "-alias", "ca", "-keystore", ca, "-infile", csr, "-outfile", crt, "-rfc", "-ext", san,
                "-ext", "EKU=serverAuth", "-validity", "30");
        keytool("-importcert", "-noprompt", "-alias", "ca", "-keystore", store, "-file", caPem);
        keytool("-importcert", "-noprompt", "-alias", "pve", "-keystore", store, "-file", crt);
    }

    static KeyStore load(Path p12) {
        try (InputStream in = Files.newInputStream(p12)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, PASSWORD);
            return ks;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The leaf's fingerprint in PVE's format, as the admin would read it on the node. */
    static String fingerprint(Path p12) {
        try {
            return Fingerprints.of((X509Certificate) load(p12).getCertificate("pve"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void keytool(Object... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        for (Object a : args) {
            command.add(a.toString());
        }
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", new String(PASSWORD)));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("keytool " + String.join(" ", command.subList(1, 3)) + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
