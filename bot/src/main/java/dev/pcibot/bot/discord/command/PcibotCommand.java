package dev.pcibot.bot.discord.command;

import dev.pcibot.bot.discord.Replies;
import dev.pcibot.bot.discord.SlashCommandAdapter;
import dev.pcibot.bot.discord.render.Trim;
import dev.pcibot.bot.store.FeedbackStore;
import dev.pcibot.bot.store.GuildSettingsStore;
import dev.pcibot.bot.store.ProbeAuditStore;
import dev.pcibot.bot.store.StoreException;
import dev.pcibot.bot.store.Tally;
import jakarta.inject.Inject;
import org.jspecify.annotations.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
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
 * {@code /pcibot feedback}: how the findings and sections were rated (helpful / not helpful).
 * {@code /pcibot audit}: the latest probe requests on this server and what was decided.
 */
@Singleton
final class PcibotCommand extends SlashCommandAdapter {
    static final String GROUP = "public-channel";
    static final String CHANNEL_OPTION = "channel";

    static final int FEEDBACK_ROWS = 15;

    private final GuildSettingsStore settings;
    private final FeedbackStore feedback;
    private final @Nullable ProbeAuditStore audit; // null: the two-argument constructor of older tests
    private final Clock clock = Clock.systemUTC();

    PcibotCommand(GuildSettingsStore settings, FeedbackStore feedback) {
        this(settings, feedback, null);
    }

    @Inject
    PcibotCommand(GuildSettingsStore settings, FeedbackStore feedback, @Nullable ProbeAuditStore audit) {
        super("pcibot", "Settings of the PCI passthrough bot for this server");
        this.settings = settings;
        this.feedback = feedback;
        this.audit = audit;
        OptionData channel = new OptionData(OptionType.CHANNEL, CHANNEL_OPTION, "The channel (default: this one)")
                .setChannelTypes(ChannelType.TEXT, ChannelType.FORUM, ChannelType.GUILD_PUBLIC_THREAD);
        data().setContexts(InteractionContextType.GUILD)
                .setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MANAGE_SERVER))
                .addSubcommandGroups(new SubcommandGroupData(GROUP, "Channels where my replies are public")
                        .addSubcommands(
                                new SubcommandData("add", "Make my replies public in a channel").addOptions(channel),
                                new SubcommandData("remove", "Make my replies private again in a channel")
                                        .addOptions(channel),
                                new SubcommandData("list", "List the channels where my replies are public")))
                .addSubcommands(new SubcommandData("feedback", "How my answers and findings were rated"),
                        new SubcommandData("audit", "The latest probe requests on this server and what was decided"));
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
                case "feedback" -> ratings(feedback.tallies(guild)); // this server's votes only
                case "audit" -> audit == null ? "Probes are not available in this build."
                        : AuditMessages.render(audit.recent(guild, AuditMessages.ROWS)); // this server's rows only
                default -> "Unknown setting: use add, remove or list.";
            });
        } catch (StoreException e) {
            Replies.notice(event, "I could not save that setting just now; please try again later.");
        }
    }

    /** The most-voted items first, with the share of helpful votes: the precision of each rule and section. */
    static String ratings(List<Tally> tallies) {
        if (tallies.isEmpty()) {
            return "Nobody has rated an answer or a finding yet.";
        }
        StringBuilder out = new StringBuilder("Ratings (helpful / not helpful, most voted first):");
        tallies.stream()
                .sorted(Comparator.comparingInt((Tally t) -> t.helpful() + t.notHelpful()).reversed()
                        .thenComparing(Tally::itemId))
                .limit(FEEDBACK_ROWS)
                .forEach(t -> out.append("\n`").append(Trim.line(t.itemId(), 80)).append("`: ")
                        .append(t.helpful()).append(" / ").append(t.notHelpful())
                        .append(String.format(Locale.ROOT, " (%.0f%% helpful)", 100 * t.precision())));
        if (tallies.size() > FEEDBACK_ROWS) {
            out.append("\n… and ").append(tallies.size() - FEEDBACK_ROWS).append(" more");
        }
        return out.toString();
    }

    static String list(Set<Long> channels) {
        if (channels.isEmpty()) {
            return "My replies are private everywhere on this server. Add a channel with `/pcibot public-channel add`.";
        }
        return "My replies are public in: "
                + channels.stream().map(id -> "<#" + id + ">").collect(Collectors.joining(", ")) + ".";
    }
}
