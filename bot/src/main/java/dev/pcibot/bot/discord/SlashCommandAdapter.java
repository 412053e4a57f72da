package dev.pcibot.bot.discord;

import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/** Base for slash commands: name and description here, options added in the subclass constructor. */
public abstract class SlashCommandAdapter implements BotCommand {
    private final SlashCommandData data;

    protected SlashCommandAdapter(String name, String description) {
        this.data = Commands.slash(name, description);
    }

    @Override
    public SlashCommandData data() {
        return data;
    }
}
