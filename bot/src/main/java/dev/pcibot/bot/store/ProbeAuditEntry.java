package dev.pcibot.bot.store;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One row of the probe audit trail: who asked for which probe on which node, where, what was
 * decided by which rule, and what came back (size, cut, SHA-256; never the output itself).
 *
 * @param decision {@code allow}, {@code deny}, or {@code raw-output} (a kept output sent to the one who ran the probe)
 * @param rule the rule that decided ({@code grant:admins}, {@code channel-allow-list}, …)
 * @param failure the {@code ProbeFailure} kind when the node did not answer
 */
public record ProbeAuditEntry(
        Instant at,
        UUID requestId,
        @Nullable Long guildId,
        long channelId,
        long userId,
        String userTag,
        String roles,
        String entry,
        String probe,
        String node,
        @Nullable String argument,
        @Nullable String transport,
        String decision,
        String rule,
        long durationMs,
        @Nullable Integer exitStatus,
        @Nullable String failure,
        long outputBytes,
        boolean truncated,
        @Nullable String outputSha256) {}
