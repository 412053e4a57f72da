package dev.pcibot.bot.probe;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Turns one {@link ProbeNodeConfig} into a {@link ProbeNode} or says which key is wrong: names and
 * addresses that are safe in a URL path and a prompt line, a token id of PVE's shape, a secret that
 * is really there (file readable, variable set) without ever printing it, exactly one TLS trust
 * (pin or CA), and the SSH fields the SSH transport needs.
 */
final class NodeConfigChecker {
    static final Pattern NODE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0,62}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0,252}|\\[[0-9A-Fa-f:.]{2,45}]");
    // pve-access-control: user@realm, then '!' and a token sub-id [A-Za-z][A-Za-z0-9.\-_]+
    private static final Pattern TOKEN_ID = Pattern.compile("[^\\s@!=:]{1,64}@[A-Za-z0-9.-]{1,32}![A-Za-z][A-Za-z0-9._-]{1,63}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
    private static final Pattern SECRET = Pattern.compile("[\\x21-\\x7e]{8,256}");
    private static final Pattern KNOWN_HOST = Pattern.compile("(?:\\S+ )?(?:ssh-ed25519|ecdsa-sha2-nistp(?:256|384|521)|ssh-rsa)"
            + " [A-Za-z0-9+/]+={0,3}(?: .*)?");

    private final UnaryOperator<String> environment;

    NodeConfigChecker(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    ProbeNode check(ProbeNodeConfig c) {
        if (!NODE_NAME.matcher(c.name()).matches()) {
            throw new ProbeConfigException(ProbeNodeConfig.PREFIX + "." + c.name(),
                    "a node name is letters, digits, '.' and '-' (it appears in /probe and in API paths)");
        }
        String transport = required(c, "transport", c.transport()).toLowerCase(Locale.ROOT);
        if (!transport.equals(ProbeNode.API) && !transport.equals(ProbeNode.SSH)) {
            throw new ProbeConfigException(c.key("transport"), "must be 'api' or 'ssh', not '" + c.transport() + "'");
        }
        String address = required(c, "address", c.address());
        String host = address;
        Integer port = null;
        int colon = address.lastIndexOf(':');
        if (colon > 0 && address.indexOf(':') == colon || address.startsWith("[") && address.contains("]:")) {
            host = address.substring(0, colon);
            port = port(c.key("address"), address.substring(colon + 1));
        }
        if (!HOST.matcher(host).matches()) {
            throw new ProbeConfigException(c.key("address"), "'" + address + "' is not a host name or IP address (IPv6 in [brackets])");
        }
        String pveNode = c.pveNode() == null ? c.name() : c.pveNode();
        if (!NODE_NAME.matcher(pveNode).matches()) {
            throw new ProbeConfigException(c.key("pve-node"), "a PVE node name is letters, digits, '.' and '-'");
        }
        if (transport.equals(ProbeNode.API)) {
            return new ProbeNode(c.name(), transport, host, port == null ? 8006 : port, pveNode, api(c), null);
        }
        int sshPort = port != null ? port : c.sshPort() != null ? c.sshPort() : 22;
        if (sshPort < 1 || sshPort > 65535) {
            throw new ProbeConfigException(c.key("ssh-port"), "must be a port number (1-65535)");
        }
        ProbeNode node = new ProbeNode(c.name(), transport, host, sshPort, pveNode, null, ssh(c));
        try {
            // the pinned key must parse and name this host and port now, not at the first probe
            PinnedHostKey.parse(node.ssh().knownHost(), host, sshPort);
        } catch (IllegalArgumentException e) {
            throw new ProbeConfigException(c.key("ssh-known-host"), e.getMessage());
        }
        return node;
    }

    private ProbeNode.Api api(ProbeNodeConfig c) {
        String tokenId = required(c, "token-id", c.tokenId());
        if (!TOKEN_ID.matcher(tokenId).matches()) {
            throw new ProbeConfigException(c.key("token-id"), "expected user@realm!tokenid, e.g. chatops@pve!probe");
        }
        if ((c.tokenSecretFile() == null) == (c.tokenSecretEnv() == null)) {
            throw new ProbeConfigException(c.key("token-secret-file"),
                    "set exactly one of token-secret-file and token-secret-env (the secret never goes into the configuration)");
        }
        Secret secret;
        if (c.tokenSecretFile() != null) {
            secret = Secret.file(c.tokenSecretFile());
            checkSecret(c.key("token-secret-file"), secret);
        } else {
            if (!ENV_NAME.matcher(c.tokenSecretEnv()).matches()) {
                throw new ProbeConfigException(c.key("token-secret-env"), "the name of an environment variable, e.g. PVE_TOKEN_SECRET");
            }
            secret = Secret.env(c.tokenSecretEnv(), environment);
            checkSecret(c.key("token-secret-env"), secret);
        }
        return new ProbeNode.Api(tokenId, secret, trust(c));
    }

    private static void checkSecret(String key, Secret secret) {
        String value;
        try {
            value = secret.reveal();
        } catch (IOException e) {
            throw new ProbeConfigException(key, secret + " cannot be read (missing, unreadable or empty)");
        }
        if (!SECRET.matcher(value).matches()) {
            throw new ProbeConfigException(key, secret + " is not a token secret (8-256 printable characters, no spaces)");
        }
    }

    private static TlsTrust trust(ProbeNodeConfig c) {
        if ((c.tlsPin() == null) == (c.tlsCa() == null)) {
            throw new ProbeConfigException(c.key("tls-pin"), "set exactly one of tls-pin (the certificate's SHA-256"
                    + " fingerprint, from `pvenode cert info` on the node) and tls-ca (the cluster's pve-root-ca.pem);"
                    + " there is no way to skip the check");
        }
        if (c.tlsPin() != null) {
            Set<String> pins = new LinkedHashSet<>();
            for (String pin : c.tlsPin().split(",")) {
                pins.add(Fingerprints.normalize(pin).orElseThrow(() -> new ProbeConfigException(c.key("tls-pin"),
                        "'" + pin.strip() + "' is not a SHA-256 fingerprint (32 hex pairs like AA:BB:..., as `pvenode cert info` prints)")));
            }
            return new TlsTrust.Pin(pins);
        }
        Path ca = c.tlsCa();
        try (InputStream in = Files.newInputStream(ca)) {
            if (CertificateFactory.getInstance("X.509").generateCertificates(in).isEmpty()) {
                throw new CertificateException("no certificate");
            }
        } catch (IOException | CertificateException e) {
            throw new ProbeConfigException(c.key("tls-ca"), "cannot read a PEM certificate from " + ca + ": " + e.getMessage());
        }
        return new TlsTrust.Ca(ca);
    }

    private static ProbeNode.Ssh ssh(ProbeNodeConfig c) {
        String user = required(c, "ssh-user", c.sshUser());
        if (!Pattern.matches("[a-z_][a-z0-9_-]{0,31}", user)) {
            throw new ProbeConfigException(c.key("ssh-user"), "not a Unix user name");
        }
        String knownHost = required(c, "ssh-known-host", c.sshKnownHost()).strip();
        if (!KNOWN_HOST.matcher(knownHost).matches()) {
            throw new ProbeConfigException(c.key("ssh-known-host"), "expected a known_hosts line such as"
                    + " '[pve1]:22 ssh-ed25519 AAAA...' (from /etc/ssh/ssh_host_ed25519_key.pub on the node)");
        }
        Path key = c.sshKeyFile();
        if (key == null) {
            throw new ProbeConfigException(c.key("ssh-key-file"), "required for transport ssh: the bot's private key file");
        }
        if (!Files.isReadable(key)) {
            throw new ProbeConfigException(c.key("ssh-key-file"), key + " cannot be read");
        }
        return new ProbeNode.Ssh(user, knownHost, key);
    }

    private static int port(String key, String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new ProbeConfigException(key, "'" + text + "' is not a port number (1-65535)");
    }

    private static String required(ProbeNodeConfig c, String field, String value) {
        if (value == null || value.isBlank()) {
            throw new ProbeConfigException(c.key(field), "required");
        }
        return value.strip();
    }
}
