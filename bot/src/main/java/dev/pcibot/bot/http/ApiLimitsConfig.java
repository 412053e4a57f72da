package dev.pcibot.bot.http;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;

/**
 * How much of the API one client (one remote address) may use: {@code requests} per {@code window}
 * (a burst may spend them at once, then they come back evenly), at most {@code inFlight} of its
 * requests running at once, and at most {@code maxInFlight} searches and diagnoses running in all.
 *
 * @param requests requests per window per client (default 120)
 * @param window the window (default 60 s)
 * @param inFlight requests of one client running at once (default 2)
 * @param maxInFlight requests running at once over all clients (default 32)
 */
@ConfigurationProperties(ApiLimitsConfig.PREFIX)
public record ApiLimitsConfig(
        @Bindable(defaultValue = "120") @Positive int requests,
        @Bindable(defaultValue = "60s") @NotNull Duration window,
        @Bindable(defaultValue = "2") @Positive int inFlight,
        @Bindable(defaultValue = "32") @Positive int maxInFlight) {
    public static final String PREFIX = "api.rate-limit";
}
