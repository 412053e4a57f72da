package dev.pcibot.bot.discord;

import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;
import io.micronaut.core.value.PropertyResolver;

/** True when a bot token is configured: the Discord beans exist only then. */
public final class DiscordTokenCondition implements Condition {
    @Override
    public boolean matches(ConditionContext context) {
        return context.getBeanContext() instanceof PropertyResolver properties
                && DiscordToken.resolve(properties).isPresent();
    }
}
