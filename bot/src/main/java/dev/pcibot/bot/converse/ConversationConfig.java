package dev.pcibot.bot.converse;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * How long conversations live.
 *
 * @param idleTimeout after this long without an answer a conversation is expired: it shows a
 *     "resume" instead of taking answers (default 24 h)
 * @param deleteAfter after this long without an answer it is deleted, with its answers (default 7 days)
 * @param shareFor how long a shared report's link works (default 7 days)
 */
@ConfigurationProperties("pcibot.conversations")
public record ConversationConfig(
        @Bindable(defaultValue = "24h") @NotNull Duration idleTimeout,
        @Bindable(defaultValue = "7d") @NotNull Duration deleteAfter,
        @Bindable(defaultValue = "7d") @NotNull Duration shareFor) {}
