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
 * "Delete" under every reply: removes it when the person who asked clicks, or, under a diagnosis of
 * someone's message ("Diagnose this message"), that message's author (their words are quoted in
 * it, so they must be able to take it down); anyone else is told, privately, who may. Both ids
 * travel in the button's custom id.
 */
@Singleton
final class DeleteButton implements ComponentHandler {
    static final String REFUSAL = "Only the person who asked can delete this reply.";
    static final String REFUSAL_WITH_AUTHOR = "Only the person who asked, or the author of the diagnosed message,"
            + " can delete this reply.";
    private static final Logger LOG = LoggerFactory.getLogger(DeleteButton.class);

    @Override
    public String componentKey() {
        return ReplyButtons.DELETE_KEY;
    }

    @Override
    public void onButton(ButtonInteractionEvent event, ComponentId id) {
        long user = event.getUser().getIdLong();
        boolean hasAuthor = id.args().size() > 1;
        if (user != id.longArg(0) && !(hasAuthor && user == id.longArg(1))) {
            Replies.notice(event, hasAuthor ? REFUSAL_WITH_AUTHOR : REFUSAL);
            return;
        }
        // For a component interaction, "@original" is the message the button sits on.
        event.deferEdit().queue(
                ok -> event.getHook().deleteOriginal().queue(done -> {}, e -> LOG.warn("Delete failed: {}", e.getMessage())),
                e -> LOG.warn("Could not acknowledge delete: {}", e.getMessage()));
    }
}
