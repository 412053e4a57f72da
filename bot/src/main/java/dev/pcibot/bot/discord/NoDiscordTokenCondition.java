package dev.pcibot.bot.discord;

import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;

/** True when no bot token is configured: the service runs without Discord and says so once. */
public final class NoDiscordTokenCondition implements Condition {
    @Override
    public boolean matches(ConditionContext context) {
        return !new DiscordTokenCondition().matches(context);
    }
}
