package dev.pcibot.bot.probe;

import java.nio.file.Path;

/** API nodes as configured, checked by the real {@link NodeConfigChecker}. */
final class TestNodes {
    private TestNodes() {}

    static ProbeNodeConfig apiConfig(String name, int port, Path secretFile, String pin, Path ca) {
        return new ProbeNodeConfig(name, "api", "127.0.0.1:" + port, FakePveApi.NODE, FakePveApi.TOKEN_ID, secretFile, null,
                pin, ca, null, null, null, null);
    }

    static ProbeNode pinned(FakePveApi api, Path dir, String pin) {
        return check(apiConfig("pve1", api.port(), FakePveApi.secretFile(dir, FakePveApi.SECRET), pin, null));
    }

    static ProbeNode withCa(FakePveApi api, Path dir, Path ca) {
        return check(apiConfig("pve1", api.port(), FakePveApi.secretFile(dir, FakePveApi.SECRET), null, ca));
    }

    static ProbeNode check(ProbeNodeConfig config) {
        return new NodeConfigChecker(name -> null).check(config);
    }
}
