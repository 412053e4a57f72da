package dev.pcibot.bot.discord.command;

import dev.pcibot.bot.discord.InteractionRouter;
import dev.pcibot.bot.discord.ReplyVisibility;
import java.util.EnumSet;
import java.util.Optional;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a troubleshooting conversation lives: in a public help channel (replies are public there)
 * it moves into a thread of its own, so a long walk does not flood the channel, when the bot may
 * create public threads and post in them; anywhere else it stays where it was started (ephemeral
 * or public as the channel's replies are, direct messages included).
 */
final class ConversationThreads {
    static final int NAME_MAX = 100; // Discord's limit on a thread's name
    private static final Logger LOG = LoggerFactory.getLogger(ConversationThreads.class);
    private static final EnumSet<Permission> NEEDED = EnumSet.of(
            Permission.VIEW_CHANNEL, Permission.CREATE_PUBLIC_THREADS, Permission.MESSAGE_SEND_IN_THREADS,
            Permission.MESSAGE_EMBED_LINKS);

    private final ReplyVisibility visibility;

    ConversationThreads(ReplyVisibility visibility) {
        this.visibility = visibility;
    }

    /** Whether a conversation started from this interaction moves into a new thread. */
    boolean movesToThread(IReplyCallback event) {
        if (event.getGuild() == null || !(event.getChannel() instanceof TextChannel channel) || visibility.ephemeral(event)) {
            return false;
        }
        Member self = event.getGuild().getSelfMember();
        return self.hasPermission(channel, NEEDED);
    }

    /** Opens a public thread in the interaction's channel; empty when Discord says no (told in the log). */
    Optional<ThreadChannel> open(IReplyCallback event, String name) {
        try {
            TextChannel channel = (TextChannel) event.getChannel();
            String trimmed = name.length() > NAME_MAX ? name.substring(0, NAME_MAX - 1) + "…" : name;
            return Optional.of(channel.createThreadChannel(trimmed).complete());
        } catch (RuntimeException e) { // ErrorResponseException, InsufficientPermissionException
            LOG.warn("Could not open a thread for a conversation, keeping it in the channel: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The channel a conversation belongs to: a thread's parent, so "one open conversation per user
     * per channel" holds whether the user asks in the channel or in the conversation's thread.
     */
    static long channelOf(Interaction event) {
        return InteractionRouter.channelOf(event);
    }
}
