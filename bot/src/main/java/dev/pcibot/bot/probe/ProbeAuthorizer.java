package dev.pcibot.bot.probe;

import dev.pcibot.kb.diagnose.Probe;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether a probe may run, deny by default, from the request alone (server, channel, user,
 * the roles the interaction carries): server has a policy, then the channel is allowed, then no
 * deny rule matches, then a grant covers the user or one of their roles, the node, the probe and
 * the VM id. Nothing is cached: a role removed in Discord counts from the next request.
 */
public final class ProbeAuthorizer {
    public static final String OFF = "probes-off";
    public static final String DIRECT_MESSAGE = "direct-message";
    public static final String NO_POLICY = "server-not-set-up";
    public static final String CHANNEL = "channel-allow-list";
    public static final String UNKNOWN_NODE = "unknown-node";
    public static final String DEFAULT_DENY = "default-deny";

    private final ProbeSettings settings;

    public ProbeAuthorizer(ProbeSettings settings) {
        this.settings = settings;
    }

    public ProbeDecision decide(ProbeAsk ask) {
        Optional<ProbeDecision> where = where(ask.guildId(), ask.channelId());
        if (where.isPresent()) {
            return where.get();
        }
        GuildProbePolicy policy = settings.guild(ask.guildId()).orElseThrow();
        if (settings.node(ask.node()).isEmpty()) {
            return ProbeDecision.deny(UNKNOWN_NODE, "I know no node named `" + ask.node().replace("`", "'") + "`.");
        }
        for (ProbeRule deny : policy.denies()) {
            if (deny.appliesTo(ask.userId(), ask.roles(), true) && deny.coversNode(ask.node(), true)
                    && deny.coversProbe(ask.probe(), true) && deny.coversArgument(ask.probe(), ask.argument(), true)) {
                return ProbeDecision.deny("deny:" + deny.name(), "A deny rule of this server refuses `" + ask.probe().id()
                        + "` on `" + ask.node() + "` to you.");
            }
        }
        ProbeRule vmOnly = null;
        for (ProbeRule grant : policy.grants()) {
            if (grant.appliesTo(ask.userId(), ask.roles(), false) && grant.coversNode(ask.node(), false)
                    && grant.coversProbe(ask.probe(), false)) {
                if (grant.coversArgument(ask.probe(), ask.argument(), false)) {
                    return ProbeDecision.allow("grant:" + grant.name());
                }
                vmOnly = grant;
            }
        }
        if (vmOnly != null) {
            return ProbeDecision.deny(DEFAULT_DENY, "No grant lets you read VM " + ask.argument() + " on `" + ask.node()
                    + "`: yours covers " + vmOnly.vmids() + ".");
        }
        return ProbeDecision.deny(DEFAULT_DENY, "No grant on this server lets you run `" + ask.probe().id() + "` on `"
                + ask.node() + "`.");
    }

    /** The refusals that depend only on where the request comes from; empty when the place is fine. */
    private Optional<ProbeDecision> where(@Nullable Long guildId, long channelId) {
        if (!settings.enabled()) {
            return Optional.of(ProbeDecision.deny(OFF, "Probes are off: no node is configured for this bot."));
        }
        if (guildId == null) {
            return Optional.of(ProbeDecision.deny(DIRECT_MESSAGE, "Probes run only inside a server, not in direct messages."));
        }
        Optional<GuildProbePolicy> policy = settings.guild(guildId);
        if (policy.isEmpty()) {
            return Optional.of(ProbeDecision.deny(NO_POLICY, "Probes are not set up on this server."));
        }
        if (!policy.get().channels().contains(channelId)) {
            String allowed = policy.get().channels().stream().sorted().limit(5).map(id -> "<#" + id + ">")
                    .collect(Collectors.joining(", "));
            return Optional.of(ProbeDecision.deny(CHANNEL, "Probes are not allowed in this channel; ask in " + allowed + "."));
        }
        return Optional.empty();
    }

    /**
     * The nodes this user may run at least one probe on here (what autocomplete offers), sorted;
     * empty wherever {@link #decide} would refuse every probe.
     */
    public List<String> nodesFor(@Nullable Long guildId, long channelId, long userId, List<Long> roles) {
        if (where(guildId, channelId).isPresent()) {
            return List.of();
        }
        GuildProbePolicy policy = settings.guild(guildId).orElseThrow();
        return settings.nodeNames().stream()
                .filter(node -> RemoteProbes.all().stream().anyMatch(p -> mayRunSome(policy, node, p, userId, roles)))
                .toList();
    }

    private static boolean mayRunSome(GuildProbePolicy policy, String node, Probe probe, long userId, List<Long> roles) {
        boolean denied = policy.denies().stream().anyMatch(d -> d.appliesTo(userId, roles, true) && d.coversNode(node, true)
                && d.coversProbe(probe, true) && (RemoteProbes.argument(probe) != ArgumentKind.VMID || d.vmids().isEmpty()));
        return !denied && policy.grants().stream().anyMatch(g -> g.appliesTo(userId, roles, false)
                && g.coversNode(node, false) && g.coversProbe(probe, false));
    }
}
