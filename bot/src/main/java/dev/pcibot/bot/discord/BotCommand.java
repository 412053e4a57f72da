package dev.pcibot.bot.discord;

import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.MessageContextInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;

/**
 * A command users see in Discord: a slash command or a context-menu command (hence not called
 * SlashCommand). A {@code @Singleton} implementing this is registered by {@link CommandRegistry};
 * handlers run after the gate and must not block (defer, then work on {@link Workers}).
 */
public interface BotCommand {
    /** What is uploaded to Discord: name, description, options, permissions. */
    CommandData data();

    default String name() {
        return data().getName();
    }

    default void onSlashCommand(SlashCommandInteractionEvent event) {
        throw new UnsupportedOperationException(name() + " is not a slash command");
    }

    default void onAutoComplete(CommandAutoCompleteInteractionEvent event) {
        Replies.send(event.replyChoices(), "autocomplete");
    }

    default void onMessageContext(MessageContextInteractionEvent event) {
        throw new UnsupportedOperationException(name() + " is not a message command");
    }
}
