package dev.pcibot.bot.probe;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the SSH transport reaches one node: where (host, port), as whom (the {@code pveprobe} user and
 * the private key file of the bot's restricted key), the node's pinned host key as one {@code
 * known_hosts} line ({@code [host]:port ssh-ed25519 AAAA...}, or just {@code ssh-ed25519 AAAA...};
 * node/INSTALL.md says where to read it), and how long connecting and the handshake with
 * authentication may take. The command's own limit comes with each call ({@link ProbeCall#timeout()}).
 */
public record SshNodeSettings(
        String host, int port, String user, Path keyFile, String knownHostsLine, Duration connectTimeout, Duration authTimeout) {

    /** probes.md 5.3: connect 5 s, handshake and authentication 10 s. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration AUTH_TIMEOUT = Duration.ofSeconds(10);

    public SshNodeSettings {
        Objects.requireNonNull(keyFile, "keyFile");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(authTimeout, "authTimeout");
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("ssh host is empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("ssh port " + port + " is not 1-65535");
        }
        if (user == null || !user.matches("[a-z_][a-z0-9_-]{0,31}")) {
            throw new IllegalArgumentException("ssh user is not a login name: " + user);
        }
        if (knownHostsLine == null || knownHostsLine.isBlank()) {
            throw new IllegalArgumentException("ssh host key of " + host + " is not pinned: put the line of the node's "
                    + "/etc/ssh/ssh_host_ed25519_key.pub, read on the node itself, in the node's host key setting");
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero() || authTimeout.isNegative() || authTimeout.isZero()) {
            throw new IllegalArgumentException("ssh timeouts must be positive");
        }
    }

    /** With the default timeouts. */
    public SshNodeSettings(String host, int port, String user, Path keyFile, String knownHostsLine) {
        this(host, port, user, keyFile, knownHostsLine, CONNECT_TIMEOUT, AUTH_TIMEOUT);
    }
}
