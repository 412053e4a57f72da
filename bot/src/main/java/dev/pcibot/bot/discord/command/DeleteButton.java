package dev.pcibot.bot.discord.command;

import dev.pcibot.bot.discord.ComponentHandler;
import dev.pcibot.bot.discord.ComponentId;
import dev.pcibot.bot.discord.Replies;
import dev.pcibot.bot.discord.render.ReplyButtons;
import jakarta.inject.Singleton;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Delete" under every reply: removes it when the person who asked clicks; anyone else is told,
 * privately, that only the asker may. The asker's id travels in the button's custom id.
 */
@Singleton
final class DeleteButton implements ComponentHandler {
    static final String REFUSAL = "Only the person who asked can delete this reply.";
    private static final Logger LOG = LoggerFactory.getLogger(DeleteButton.class);

    @Override
    public String componentKey() {
        return ReplyButtons.DELETE_KEY;
    }

    @Override
    public void onButton(ButtonInteractionEvent event, ComponentId id) {
        if (event.getUser().getIdLong() != id.longArg(0)) {
            Replies.notice(event, REFUSAL);
            return;
        }
        // For a component interaction, "@original" is the message the button sits on.
        event.deferEdit().queue(
                ok -> event.getHook().deleteOriginal().queue(done -> {}, e -> LOG.warn("Delete failed: {}", e.getMessage())),
                e -> LOG.warn("Could not acknowledge delete: {}", e.getMessage()));
    }
}
