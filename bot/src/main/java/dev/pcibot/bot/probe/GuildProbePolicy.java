package dev.pcibot.bot.probe;

import java.util.List;
import java.util.Set;

/**
 * What one server allows ({@code pcibot.probes.guilds.<guild id>}): the channels probes may be
 * asked in, the grants (union of matches) and the deny rules that override them.
 */
public record GuildProbePolicy(long guildId, Set<Long> channels, List<ProbeRule> grants, List<ProbeRule> denies) {
    public GuildProbePolicy {
        channels = Set.copyOf(channels);
        grants = List.copyOf(grants);
        denies = List.copyOf(denies);
    }
}
