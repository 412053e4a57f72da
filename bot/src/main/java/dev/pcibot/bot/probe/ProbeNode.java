package dev.pcibot.bot.probe;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * A node probes may run on, as checked at start ({@link ProbeSettingsReader}): its name in the bot,
 * how to reach it and with which credentials. Exactly one of {@link #api()} and {@link #ssh()} is
 * set, as {@link #transport()} says. Holds no secret value, only where the secret lives.
 *
 * @param name the bot's name for it ({@code [A-Za-z0-9][A-Za-z0-9.-]*})
 * @param transport {@code api} or {@code ssh}
 * @param host host name or IP address
 * @param port the API or SSH port
 * @param pveNode the node's name inside Proxmox VE, for {@code /nodes/<pve-node>/...}
 */
public record ProbeNode(
        String name, String transport, String host, int port, String pveNode, @Nullable Api api, @Nullable Ssh ssh) {
    public static final String API = "api";
    public static final String SSH = "ssh";

    /**
     * @param tokenId {@code user@realm!tokenid}
     * @param tokenSecret the token's UUID, read at each use
     */
    public record Api(String tokenId, Secret tokenSecret, TlsTrust trust) {}

    /**
     * @param user the node user whose key is bound to the forced-command wrapper
     * @param knownHost the pinned host key as a {@code known_hosts} line
     * @param keyFile the bot's private key
     */
    public record Ssh(String user, String knownHost, Path keyFile) {}
}
