package dev.pcibot.bot.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pcibot.kb.diagnose.Probe;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.BeanInstantiationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The probe configuration through Micronaut as an admin writes it, and each mistake named by its key. */
final class ProbeSettingsReaderTest {
    private static final String PIN = "10:94:FF:EE:" + "AB:".repeat(27) + "D8";

    @TempDir
    Path dir;

    private Map<String, Object> valid() throws Exception {
        Path secret = Files.writeString(dir.resolve("pve1.token"), "5f1c6c1e-8a43-4b1b-9b0e-6a3a0f0c7d21\n");
        Map<String, Object> p = new HashMap<>();
        p.put("pcibot.probes.nodes.pve1.transport", "api");
        p.put("pcibot.probes.nodes.pve1.address", "192.0.2.10");
        p.put("pcibot.probes.nodes.pve1.token-id", "chatops@pve!probe");
        p.put("pcibot.probes.nodes.pve1.token-secret-file", secret.toString());
        p.put("pcibot.probes.nodes.pve1.tls-pin", "SHA256 " + PIN);
        p.put("pcibot.probes.guilds.123.channels", List.of(456L));
        p.put("pcibot.probes.guilds.123.grants.admins.roles", List.of(789L));
        p.put("pcibot.probes.guilds.123.grants.admins.nodes", List.of("pve1"));
        p.put("pcibot.probes.guilds.123.grants.admins.probes", List.of("kernel-iommu", "qm-config"));
        p.put("pcibot.probes.guilds.123.grants.admins.vmids", List.of("100-199", "300"));
        p.put("pcibot.probes.guilds.123.deny.night.users", "555");
        return p;
    }

    private static ProbeSettings start(Map<String, Object> properties) {
        try (ApplicationContext ctx = ApplicationContext.run(properties, Environment.TEST)) {
            return ctx.getBean(ProbeSettings.class);
        }
    }

    @Test
    void aNodeAndAServersGrantsAreReadFromConfiguration() throws Exception {
        ProbeSettings s = start(valid());
        assertTrue(s.enabled());
        ProbeNode node = s.node("pve1").orElseThrow();
        assertEquals(8006, node.port());
        assertEquals("pve1", node.pveNode());
        assertEquals(new TlsTrust.Pin(Set.of(PIN)), node.api().trust());
        assertFalse(node.toString().contains("5f1c6c1e"), "no secret in toString: " + node);
        GuildProbePolicy g = s.guild(123L).orElseThrow();
        assertEquals(Set.of(456L), g.channels());
        ProbeRule admins = g.grants().get(0);
        assertEquals(Set.of(Probe.KERNEL_IOMMU, Probe.QM_CONFIG), admins.probes());
        assertTrue(admins.vmids().covers(150) && admins.vmids().covers(300) && !admins.vmids().covers(200));
        assertEquals(Set.of(555L), g.denies().get(0).users());
    }

    @Test
    void theReadmesYamlShapeIsReadFromAConfigurationFile() throws Exception {
        Path secret = Files.writeString(dir.resolve("pve1.token"), "5f1c6c1e-8a43-4b1b-9b0e-6a3a0f0c7d21\n");
        Path yaml = Files.writeString(dir.resolve("probes.yml"), """
                pcibot:
                  probes:
                    nodes:
                      pve1:
                        transport: api
                        address: 192.0.2.10
                        token-id: chatops@pve!probe
                        token-secret-file: %s
                        tls-pin: "%s"
                    guilds:
                      "123456789012345678":
                        channels: [234567890123456789]
                        grants:
                          admins: {roles: [345678901234567890], nodes: [pve1], probes: ["*"], vmids: ["100-199"]}
                          alice: {users: [456789012345678901], nodes: ["*"], probes: [kernel-iommu, iommu-groups]}
                        deny:
                          no-prod-vm: {probes: [qm-config], vmids: ["150"]}
                    limits: {per-user: 6, per-node: 20, per-guild: 60, window: 60s, timeout: 25s, max-bytes: 262144}
                """.formatted(secret, PIN));
        // as MICRONAUT_CONFIG_FILES does: the file is read when the environment starts
        System.setProperty("micronaut.config.files", yaml.toString());
        ProbeSettings s;
        try {
            s = start(Map.of());
        } finally {
            System.clearProperty("micronaut.config.files");
        }
        assertTrue(s.enabled(), s.toString());
        assertEquals(Set.of(123456789012345678L), s.guilds().keySet(), s.toString());
        GuildProbePolicy g = s.guild(123456789012345678L).orElseThrow();
        assertEquals(Set.of(234567890123456789L), g.channels());
        assertEquals(List.of("admins", "alice"), g.grants().stream().map(ProbeRule::name).toList());
        assertEquals(RemoteProbes.all().size(), g.grants().get(0).probes().size());
        assertEquals(Set.of(456789012345678901L), g.grants().get(1).users());
        assertEquals("no-prod-vm", g.denies().get(0).name());
        assertEquals(6, s.limits().perUser());
    }

    @Test
    void noNodeMeansProbesOffAndTheServiceStarts() {
        assertFalse(start(Map.of()).enabled());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "pcibot.probes.nodes.pve1.transport|telnet|pcibot.probes.nodes.pve1.transport: must be 'api' or 'ssh', not 'telnet'",
        "pcibot.probes.nodes.pve1.token-id|root@pam|pcibot.probes.nodes.pve1.token-id: expected user@realm!tokenid",
        "pcibot.probes.nodes.pve1.tls-pin|AA:BB|pcibot.probes.nodes.pve1.tls-pin: 'AA:BB' is not a SHA-256 fingerprint",
        "pcibot.probes.nodes.pve1.address|pve 1|pcibot.probes.nodes.pve1.address: 'pve 1' is not a host name",
        "pcibot.probes.nodes.pve1.address|pve1:99999|pcibot.probes.nodes.pve1.address: '99999' is not a port number",
        "pcibot.probes.nodes.pve1.token-secret-file|/nonexistent/token|pcibot.probes.nodes.pve1.token-secret-file: the secret in file /nonexistent/token cannot be read",
        "pcibot.probes.nodes.pve1.token-secret-env|PVE_TOKEN|pcibot.probes.nodes.pve1.token-secret-file: set exactly one of token-secret-file and token-secret-env",
        "pcibot.probes.guilds.123.grants.admins.probes|rm-rf|pcibot.probes.guilds.123.grants.admins.probes: unknown probe 'rm-rf'",
        "pcibot.probes.guilds.123.grants.admins.nodes|pve7|pcibot.probes.guilds.123.grants.admins.nodes: no node named 'pve7'",
        "pcibot.probes.guilds.123.grants.admins.vmids|5-10|pcibot.probes.guilds.123.grants.admins.vmids: '5-10' is not a VM id or range",
        "pcibot.probes.guilds.123.grants.admins.roles|Admins|pcibot.probes.guilds.123.grants.admins.roles: 'Admins' is not a Discord id",
        "pcibot.probes.guilds.123.grants.admins.role|789|pcibot.probes.guilds.123.grants.admins.role: unknown key",
        "pcibot.probes.guilds.123.channels|''|pcibot.probes.guilds.123.channels: list the channel ids",
        "pcibot.probes.guilds.my-server.channels|1|pcibot.probes.guilds.my-server: the key under guilds must be a server id",
        "pcibot.probes.limits.per-user|0|pcibot.probes.limits.per-user: must be at least 1",
    })
    void aMistakeStopsTheStartNamingItsKey(String key, String value, String message) throws Exception {
        Map<String, Object> p = valid();
        p.put(key, value);
        BeanInstantiationException e = assertThrows(BeanInstantiationException.class, () -> start(p));
        Throwable cause = e;
        while (!(cause instanceof ProbeConfigException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertTrue(cause instanceof ProbeConfigException, e.toString());
        assertTrue(cause.getMessage().startsWith(message), cause.getMessage());
        assertFalse(cause.getMessage().contains("5f1c6c1e"), "the secret is never in a message");
    }

    @Test
    void aGrantToNobodyIsAMistake() throws Exception {
        Map<String, Object> p = valid();
        p.remove("pcibot.probes.guilds.123.grants.admins.roles");
        Throwable e = assertThrows(RuntimeException.class, () -> start(p));
        while (!(e instanceof ProbeConfigException) && e.getCause() != null) {
            e = e.getCause();
        }
        assertEquals("pcibot.probes.guilds.123.grants.admins: a grant needs roles or users (ids): it grants nobody as written",
                e.getMessage());
    }

    @Test
    void pinsAreReadInTheFormsAdminsPaste() {
        String hex = PIN.replace(":", "");
        for (String pin : List.of(PIN, "SHA256 " + PIN, "sha256 Fingerprint=" + PIN, PIN.toLowerCase(), hex)) {
            assertEquals(PIN, Fingerprints.normalize(pin).orElseThrow(), pin);
        }
        assertTrue(Fingerprints.normalize(PIN.substring(3)).isEmpty());
    }
}
