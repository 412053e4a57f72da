package dev.pcibot.bot.probe;

import java.io.IOException;
import java.net.SocketAddress;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.jspecify.annotations.Nullable;

/**
 * The one host key a node may present (probes.md D6): read from a {@code known_hosts}-style line,
 * compared with the key the server shows during key exchange. Anything else is refused, an unknown
 * key as much as a changed one: there is no trust on first use (MINA's client default accepts every
 * key, so this verifier replaces it). What the node presented is kept on the session for the
 * re-pin message.
 */
final class PinnedHostKey implements ServerKeyVerifier {
    /** The fingerprint of a refused key, set on the session that saw it. */
    static final AttributeKey<String> REFUSED = new AttributeKey<>();

    private final PublicKey key;
    private final String type;

    private PinnedHostKey(PublicKey key, String type) {
        this.key = key;
        this.type = type;
    }

    /**
     * Reads {@code [host]:port type base64 [comment]} or {@code type base64 [comment]}. A host field,
     * when present and not hashed, must name this host and port, so a line copied from another node
     * fails here rather than at the first probe.
     */
    static PinnedHostKey parse(String line, String host, int port) {
        List<String> fields = Arrays.asList(line.trim().split("\\s+"));
        int typeAt = isKeyType(fields.get(0)) ? 0 : 1;
        if (fields.size() < typeAt + 2 || !isKeyType(fields.get(typeAt))) {
            throw new IllegalArgumentException("ssh host key line of " + host + " is not 'type base64' or a known_hosts line");
        }
        if (typeAt == 1 && !fields.get(0).startsWith("|") && !namesHost(fields.get(0), host, port)) {
            throw new IllegalArgumentException("ssh host key line names " + fields.get(0) + ", not " + hostField(host, port));
        }
        String entry = fields.get(typeAt) + " " + fields.get(typeAt + 1);
        try {
            PublicKey key = PublicKeyEntry.parsePublicKeyEntry(entry).resolvePublicKey(null, Map.of(), PublicKeyEntryResolver.FAILING);
            if (key == null) {
                throw new IllegalArgumentException("ssh host key type " + fields.get(typeAt) + " is not supported");
            }
            return new PinnedHostKey(key, fields.get(typeAt));
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("ssh host key line of " + host + " does not hold a readable key: " + e.getMessage(), e);
        }
    }

    /** The key type ({@code ssh-ed25519}); the client prefers it when negotiating the host key algorithm. */
    String type() {
        return type;
    }

    /** {@code SHA256:...}, as {@code ssh-keygen -lf} prints it. */
    String fingerprint() {
        return KeyUtils.getFingerPrint(key);
    }

    @Override
    public boolean verifyServerKey(ClientSession session, SocketAddress remote, PublicKey serverKey) {
        if (KeyUtils.compareKeys(key, serverKey)) {
            return true;
        }
        session.setAttribute(REFUSED, KeyUtils.getKeyType(serverKey) + " " + KeyUtils.getFingerPrint(serverKey));
        return false;
    }

    static @Nullable String refused(ClientSession session) {
        return session.getAttribute(REFUSED);
    }

    static String hostField(String host, int port) {
        return port == 22 ? host : "[" + host + "]:" + port;
    }

    private static boolean namesHost(String field, String host, int port) {
        String wanted = hostField(host, port).toLowerCase(Locale.ROOT);
        // ssh-keyscan writes port 22 bare, but "[host]:22" names the same endpoint
        String bracketed = ("[" + host + "]:" + port).toLowerCase(Locale.ROOT);
        return Arrays.stream(field.toLowerCase(Locale.ROOT).split(",")).anyMatch(f -> f.equals(wanted) || f.equals(bracketed));
    }

    private static boolean isKeyType(String field) {
        return field.startsWith("ssh-") || field.startsWith("ecdsa-sha2-") || field.startsWith("sk-");
    }
}
