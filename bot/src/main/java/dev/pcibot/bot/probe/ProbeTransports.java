package dev.pcibot.bot.probe;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Which {@link ProbeTransport} carries a node's probes, by the node's {@code transport} setting.
 * {@code api} is {@link PveApiTransport}; {@code ssh} is {@link SshTransport} to the node's
 * forced-command wrapper (node/pve-probe). Tests may {@link #register} another factory. One
 * transport per node, built on first use; those holding a client (SSH) are closed with the service.
 */
@Singleton
public final class ProbeTransports {
    private final Map<String, Function<ProbeNode, ProbeTransport>> factories = new ConcurrentHashMap<>();
    private final Map<String, ProbeTransport> byNode = new ConcurrentHashMap<>();

    public ProbeTransports() {
        factories.put(ProbeNode.API, PveApiTransport::new);
        factories.put(ProbeNode.SSH, node -> new SshTransport(sshSettings(node)));
    }

    /** The SSH transport's settings for a node whose transport is ssh. */
    static SshNodeSettings sshSettings(ProbeNode node) {
        ProbeNode.Ssh ssh = java.util.Objects.requireNonNull(node.ssh(), "node " + node.name() + " has no ssh settings");
        return new SshNodeSettings(node.host(), node.port(), ssh.user(), ssh.keyFile(), ssh.knownHost());
    }

    /** Stops the SSH clients; a probe still running ends with a closed-connection failure. */
    @PreDestroy
    public void close() {
        for (ProbeTransport t : byNode.values()) {
            if (t instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    // shutting down: nothing left to tell the user, and the process is ending
                }
            }
        }
        byNode.clear();
    }

    /** Adds or replaces the factory for a transport name ({@code ssh}); nodes built before keep theirs. */
    public void register(String transport, Function<ProbeNode, ProbeTransport> factory) {
        factories.put(transport, factory);
    }

    /** The node's transport, or empty when this build has none for its transport setting. */
    public Optional<ProbeTransport> forNode(ProbeNode node) {
        Function<ProbeNode, ProbeTransport> factory = factories.get(node.transport());
        if (factory == null) {
            return Optional.empty();
        }
        return Optional.of(byNode.computeIfAbsent(node.name(), n -> factory.apply(node)));
    }
}
