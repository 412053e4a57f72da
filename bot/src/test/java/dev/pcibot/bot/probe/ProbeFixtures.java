package dev.pcibot.bot.probe;

import java.nio.file.Path;

/** For tests outside this package: a fake PVE API with keytool certificates and its pin. */
public final class ProbeFixtures implements AutoCloseable {
    public static final String TOKEN_ID = FakePveApi.TOKEN_ID;

    private final FakePveApi api;
    private final String pin;

    private ProbeFixtures(FakePveApi api, String pin) {
        this.api = api;
        this.pin = pin;
    }

    public static ProbeFixtures start() {
        TestCertificates certs = TestCertificates.create();
        return new ProbeFixtures(FakePveApi.start(certs.selfSigned), TestCertificates.fingerprint(certs.selfSigned));
    }

    public int port() {
        return api.port();
    }

    public String pin() {
        return pin;
    }

    /** A file holding the token secret the fake accepts. */
    public Path secretFile(Path dir) {
        return FakePveApi.secretFile(dir, FakePveApi.SECRET);
    }

    /** From now on the node answers as one whose IOMMU is off (journal and PCI listing). */
    public void iommuOff() {
        api.node("/journal", "journal-iommu-off.json").node("/hardware/pci", "hardware-pci-iommu-off.json");
    }

    /** From now on the node's journal answers 403 with PVE's JSON message (a token whose role lost Sys.Syslog). */
    public void journalForbidden() {
        api.answer("/journal", 403, "{\"data\":null,\"message\":\"Permission check failed (/, Sys.Syslog)\\n\"}",
                java.time.Duration.ZERO);
    }

    /** Back to the healthy host's answers. */
    public void healthy() {
        api.node("/journal", "journal.json").node("/hardware/pci", "hardware-pci.json");
    }

    public int requests() {
        return api.seen().size();
    }

    public void clearRequests() {
        api.clearSeen();
    }

    @Override
    public void close() {
        api.close();
    }
}
