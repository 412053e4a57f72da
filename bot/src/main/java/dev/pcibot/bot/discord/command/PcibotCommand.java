package dev.pcibot.bot.discord.command;

import dev.pcibot.bot.discord.Replies;
import dev.pcibot.bot.discord.SlashCommandAdapter;
import dev.pcibot.bot.store.GuildSettingsStore;
import dev.pcibot.bot.store.StoreException;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandGroupData;

/**
 * {@code /pcibot public-channel add|remove|list}: per-server settings for admins (Manage Server).
 * Replies are public in the listed channels and only visible to the asker elsewhere.
 */
@Singleton
final class PcibotCommand extends SlashCommandAdapter {
    static final String GROUP = "public-channel";
    static final String CHANNEL_OPTION = "channel";

    private final GuildSettingsStore settings;
    private final Clock clock = Clock.systemUTC();

    PcibotCommand(GuildSettingsStore settings) {
        super("pcibot", "Settings of the PCI passthrough bot for this server");
        this.settings = settings;
        OptionData channel = new OptionData(OptionType.CHANNEL, CHANNEL_OPTION, "The channel (default: this one)")
                .setChannelTypes(ChannelType.TEXT, ChannelType.FORUM, ChannelType.GUILD_PUBLIC_THREAD);
        data().setContexts(InteractionContextType.GUILD)
                .setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MANAGE_SERVER))
                .addSubcommandGroups(new SubcommandGroupData(GROUP, "Channels where my replies are public")
                        .addSubcommands(
                                new SubcommandData("add", "Make my replies public in a channel").addOptions(channel),
                                new SubcommandData("remove", "Make my replies private again in a channel")
                                        .addOptions(channel),
                                new SubcommandData("list", "List the channels where my replies are public")));
    }

    @Override
    public void onSlashCommand(SlashCommandInteractionEvent event) {
        Member member = event.getMember();
        if (event.getGuild() == null || member == null) {
            Replies.notice(event, "Server settings can only be changed inside a server.");
            return;
        }
        if (!member.hasPermission(Permission.MANAGE_SERVER)) {
            Replies.notice(event, "You need the Manage Server permission to change my settings here.");
            return;
        }
        long guild = event.getGuild().getIdLong();
        long channel = event.getOption(CHANNEL_OPTION, event.getChannelIdLong(), OptionMapping::getAsLong);
        String sub = event.getSubcommandName() == null ? "" : event.getSubcommandName();
        try {
            Replies.notice(event, switch (sub) {
                case "add" -> settings.addPublicChannel(guild, channel, member.getIdLong(), clock.instant())
                        ? "My replies in <#" + channel + "> are now public."
                        : "My replies in <#" + channel + "> were already public.";
                case "remove" -> settings.removePublicChannel(guild, channel)
                        ? "My replies in <#" + channel + "> are now only visible to the person who asked."
                        : "<#" + channel + "> was not a public channel.";
                case "list" -> list(settings.publicChannels(guild));
                default -> "Unknown setting: use add, remove or list.";
            });
        } catch (StoreException e) {
            Replies.notice(event, "I could not save that setting just now; please try again later.");
        }
    }

    static String list(Set<Long> channels) {
        if (channels.isEmpty()) {
            return "My replies are private everywhere on this server. Add a channel with `/pcibot public-channel add`.";
        }
        return "My replies are public in: "
                + channels.stream().map(id -> "<#" + id + ">").collect(Collectors.joining(", ")) + ".";
    }
}
