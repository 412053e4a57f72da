package dev.pcibot.bot.discord;

import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;

/**
 * Handles buttons and modals whose {@link ComponentId} starts with its key. A {@code @Singleton}
 * implementing this is routed to by {@link CommandRegistry}; keys are unique.
 */
public interface ComponentHandler {
    /** The first part of the custom ids this handler owns (short: it counts towards 100 characters). */
    String componentKey();

    default void onButton(ButtonInteractionEvent event, ComponentId id) {
        Replies.notice(event, "This button no longer does anything.");
    }

    default void onModal(ModalInteractionEvent event, ComponentId id) {
        Replies.notice(event, "This form no longer does anything.");
    }
}
