package dev.pcibot.bot.probe;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The checked probe configuration: nodes by name, server policies by guild id, limits. No node
 * configured means probes are off: {@code /probe} says so, nothing else changes.
 */
public record ProbeSettings(Map<String, ProbeNode> nodes, Map<Long, GuildProbePolicy> guilds, ProbeLimitsConfig limits) {
    public ProbeSettings {
        nodes = Map.copyOf(nodes);
        guilds = Map.copyOf(guilds);
    }

    public static ProbeSettings off() {
        return new ProbeSettings(Map.of(), Map.of(), ProbeLimitsConfig.defaults());
    }

    public boolean enabled() {
        return !nodes.isEmpty();
    }

    public Optional<ProbeNode> node(String name) {
        return Optional.ofNullable(nodes.get(name));
    }

    public Optional<GuildProbePolicy> guild(@Nullable Long guildId) {
        return guildId == null ? Optional.empty() : Optional.ofNullable(guilds.get(guildId));
    }

    /** Node names, sorted: the order autocomplete offers them in. */
    public List<String> nodeNames() {
        return nodes.keySet().stream().sorted().toList();
    }
}
