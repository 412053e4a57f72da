package dev.pcibot.bot.probe;

import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Which {@link ProbeTransport} carries a node's probes, by the node's {@code transport} setting.
 * {@code api} is {@link PveApiTransport}. {@code ssh} is the seam for the SSH transport: until a
 * factory is registered for it ({@link #register}, e.g. {@code SshTransport::new}), a node set to
 * ssh answers "not available in this build". One transport per node, built on first use.
 */
@Singleton
public final class ProbeTransports {
    private final Map<String, Function<ProbeNode, ProbeTransport>> factories = new ConcurrentHashMap<>();
    private final Map<String, ProbeTransport> byNode = new ConcurrentHashMap<>();

    public ProbeTransports() {
        factories.put(ProbeNode.API, PveApiTransport::new);
        // factories.put(ProbeNode.SSH, SshTransport::new) once the SSH transport is wired in
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
