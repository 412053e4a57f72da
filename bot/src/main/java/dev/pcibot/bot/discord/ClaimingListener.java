package dev.pcibot.bot.discord;

import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.interaction.GenericInteractionCreateEvent;
import net.dv8tion.jda.api.hooks.EventListener;

/**
 * Puts {@link InteractionClaims} in front of the {@link InteractionRouter}: an interaction another
 * instance claimed never reaches a handler, so it gets exactly one answer. Other events (ready,
 * guild joins) pass unclaimed: each instance registers commands itself, which Discord takes as
 * the same idempotent PUT.
 */
final class ClaimingListener implements EventListener {
    private final InteractionClaims claims;
    private final EventListener router;

    ClaimingListener(InteractionClaims claims, EventListener router) {
        this.claims = claims;
        this.router = router;
    }

    @Override
    public void onEvent(GenericEvent event) {
        if (event instanceof GenericInteractionCreateEvent interaction && !claims.claim(interaction.getInteraction().getIdLong())) {
            return;
        }
        router.onEvent(event);
    }
}
