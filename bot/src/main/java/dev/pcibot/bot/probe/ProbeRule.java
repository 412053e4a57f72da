package dev.pcibot.bot.probe;

import dev.pcibot.kb.diagnose.Probe;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One named grant or deny rule of a server ({@code pcibot.probes.guilds.<id>.grants.<name>} or
 * {@code .deny.<name>}): who (role ids, user ids), which nodes, which probes, which VM ids.
 *
 * <p>A grant needs every part it allows spelt out (deny by default): at least one role or user,
 * nodes, probes, and VM ids when it allows {@code qm-config}. In a deny rule an empty part means
 * "any": a deny rule with only {@code probes: qm-config} refuses that probe to everyone.
 *
 * @param nodes node names; {@code *} in the set means every node
 * @param probes empty in a deny rule means every probe
 */
public record ProbeRule(
        String name, Set<Long> roles, Set<Long> users, Set<String> nodes, Set<Probe> probes, VmidRanges vmids) {
    public static final String ANY_NODE = "*";

    /** Whether the asker is one of the rule's people; a deny rule naming nobody names everybody. */
    boolean appliesTo(long userId, List<Long> memberRoles, boolean emptyMeansEveryone) {
        if (roles.isEmpty() && users.isEmpty()) {
            return emptyMeansEveryone;
        }
        return users.contains(userId) || memberRoles.stream().anyMatch(roles::contains);
    }

    boolean coversNode(String node, boolean emptyMeansAll) {
        return nodes.contains(ANY_NODE) || nodes.contains(node) || (emptyMeansAll && nodes.isEmpty());
    }

    boolean coversProbe(Probe probe, boolean emptyMeansAll) {
        return probes.contains(probe) || (emptyMeansAll && probes.isEmpty());
    }

    /** VM ids matter for {@code qm-config} only. */
    boolean coversArgument(Probe probe, @Nullable String argument, boolean emptyMeansAll) {
        if (RemoteProbes.argument(probe) != ArgumentKind.VMID || argument == null) {
            return true;
        }
        return vmids.covers(Long.parseLong(argument)) || (emptyMeansAll && vmids.isEmpty());
    }
}
