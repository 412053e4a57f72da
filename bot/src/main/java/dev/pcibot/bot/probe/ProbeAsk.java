package dev.pcibot.bot.probe;

import dev.pcibot.bot.discord.gate.EntryPoint;
import dev.pcibot.kb.diagnose.Probe;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One request to run a probe, as the interaction itself tells it (never from a cache): through
 * which door, in which server and channel, by whom with which roles, which node, probe and
 * argument (unchecked yet: {@link ProbeRunner} checks it first).
 *
 * @param guildId null in direct messages
 * @param userTag the user's name for the audit (not an identity: ids decide)
 * @param requestId ties the audit row to the node's syslog ({@code req=…} for the SSH wrapper)
 */
public record ProbeAsk(
        EntryPoint entry,
        @Nullable Long guildId,
        long channelId,
        long userId,
        String userTag,
        List<Long> roles,
        String node,
        Probe probe,
        @Nullable String argument,
        UUID requestId) {
    public ProbeAsk {
        roles = List.copyOf(roles);
    }
}
