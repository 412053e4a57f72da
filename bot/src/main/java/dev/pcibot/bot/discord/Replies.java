package dev.pcibot.bot.discord;

import dev.pcibot.bot.discord.render.Sanitizer;
import dev.pcibot.bot.discord.render.Trim;
import dev.pcibot.bot.discord.render.MessageLimits;
import java.util.List;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sending replies the same safe way everywhere: no mentions allowed, short notices ephemeral,
 * nothing sent through a hook whose 15-minute token has run out (Discord would refuse it).
 */
public final class Replies {
    private static final Logger LOG = LoggerFactory.getLogger(Replies.class);

    private Replies() {}

    /** A short ephemeral notice as the interaction's first and only response. */
    public static void notice(IReplyCallback event, String text) {
        event.reply(plain(text)).setEphemeral(true).queue(ok -> {}, e -> failed("notice", e));
    }

    /** Replaces the deferred "thinking…" message with the result. */
    public static void finish(InteractionHook hook, MessageCreateData message) {
        finish(hook, message, () -> {});
    }

    /** Like {@link #finish(InteractionHook, MessageCreateData)}, then {@code then} once Discord took the edit (a follow-up that must come after it). */
    public static void finish(InteractionHook hook, MessageCreateData message, Runnable then) {
        if (hook.isExpired()) {
            LOG.warn("Interaction token expired before the reply was ready; dropping it");
            return;
        }
        hook.editOriginal(MessageEditData.fromCreateData(message)).queue(ok -> then.run(), e -> failed("reply", e));
    }

    /** Replaces the deferred "thinking…" message with a short notice. */
    public static void finish(InteractionHook hook, String text) {
        if (hook.isExpired()) {
            return;
        }
        hook.editOriginal(new MessageEditBuilder()
                        .setContent(Trim.line(text, MessageLimits.CONTENT))
                        .setEmbeds(List.of())
                        .setComponents(List.of())
                        .setAllowedMentions(List.of())
                        .build())
                .queue(ok -> {}, e -> failed("reply", e));
    }

    /** An ephemeral follow-up after a deferred edit (e.g. a refusal to someone who clicked). */
    public static void followUpNotice(InteractionHook hook, String text) {
        if (hook.isExpired()) {
            return;
        }
        hook.sendMessage(plain(text)).setEphemeral(true).queue(ok -> {}, e -> failed("follow-up", e));
    }

    static MessageCreateData plain(String text) {
        return new MessageCreateBuilder()
                .setContent(Trim.line(text, MessageLimits.CONTENT))
                .setAllowedMentions(List.of())
                .build();
    }

    /** Queues an action whose failure (Discord said no, the interaction expired) is logged, not thrown. */
    public static void send(net.dv8tion.jda.api.requests.RestAction<?> action, String what) {
        action.queue(ok -> {}, e -> failed(what, e));
    }

    /** User text quoted back inside a notice. */
    public static String quote(String userText, int max) {
        return Trim.line(Sanitizer.text(userText).replace("`", "'"), max);
    }

    // A failed reply (the user deleted the channel, Discord hiccuped) is not our error: WARN, not ERROR.
    private static void failed(String what, Throwable e) {
        LOG.warn("Could not send the {}: {}", what, e.getMessage());
    }
}
