package dev.pcibot.bot.probe;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * How much probing is allowed ({@code pcibot.probes.limits.*}): runs per user, per node and per
 * server within {@code window}; how long one run may take in all (the PVE API answers a bad token
 * only after 3 s, the SSH wrapper stops its command at 20 s); how many bytes of output are kept.
 * One probe at a time runs on each node, whatever these say.
 */
@ConfigurationProperties(ProbeLimitsConfig.PREFIX)
public record ProbeLimitsConfig(
        @Bindable(defaultValue = "6") int perUser,
        @Bindable(defaultValue = "20") int perNode,
        @Bindable(defaultValue = "60") int perGuild,
        @Bindable(defaultValue = "60s") Duration window,
        @Bindable(defaultValue = "25s") Duration timeout,
        @Bindable(defaultValue = "262144") int maxBytes) {
    public static final String PREFIX = "pcibot.probes.limits";

    public static ProbeLimitsConfig defaults() {
        return new ProbeLimitsConfig(6, 20, 60, Duration.ofMinutes(1), Duration.ofSeconds(25), 262_144);
    }
}
