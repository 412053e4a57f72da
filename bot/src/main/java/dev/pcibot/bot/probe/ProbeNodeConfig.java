package dev.pcibot.bot.probe;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * One node as written in configuration ({@code pcibot.probes.nodes.<name>.*}), unchecked: every
 * field may be missing here so that {@link ProbeSettingsReader} can say which key is wrong instead
 * of a dependency-injection stack trace. The checked form is {@link ProbeNode}.
 *
 * @param name the node's name in the bot (the {@code /probe node:} choice)
 * @param transport {@code api} or {@code ssh}
 * @param address host name or IP, optionally {@code :port} (API default 8006, SSH default 22)
 * @param pveNode the node's name inside Proxmox VE ({@code /nodes/<pve-node>}); default: {@code name}
 * @param tokenId API token, {@code user@realm!tokenid}
 * @param tokenSecretFile a file holding the token secret (the only line)
 * @param tokenSecretEnv the environment variable holding the token secret
 * @param tlsPin the SHA-256 fingerprint of the node's certificate ({@code AA:BB:…}, PVE's format);
 *     several separated by commas while a renewal rolls out
 * @param tlsCa the cluster CA ({@code /etc/pve/pve-root-ca.pem}) instead of a pin
 * @param sshUser the node user whose key is bound to the forced-command wrapper
 * @param sshPort the SSH port when not given in {@code address}
 * @param sshKnownHost the pinned host key, a {@code known_hosts} line
 * @param sshKeyFile the bot's private key for that user
 */
@EachProperty(ProbeNodeConfig.PREFIX)
public record ProbeNodeConfig(
        @Parameter String name,
        @Nullable String transport,
        @Nullable String address,
        @Nullable String pveNode,
        @Nullable String tokenId,
        @Nullable Path tokenSecretFile,
        @Nullable String tokenSecretEnv,
        @Nullable String tlsPin,
        @Nullable Path tlsCa,
        @Nullable String sshUser,
        @Nullable Integer sshPort,
        @Nullable String sshKnownHost,
        @Nullable Path sshKeyFile) {
    public static final String PREFIX = "pcibot.probes.nodes";

    /** The full configuration key of one of this node's fields ({@code tls-pin}), for error messages. */
    String key(String field) {
        return PREFIX + "." + name + "." + field;
    }
}
