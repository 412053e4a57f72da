package dev.pcibot.bot.discord.command;

import dev.pcibot.bot.discord.ComponentHandler;
import dev.pcibot.bot.discord.ComponentId;
import dev.pcibot.bot.discord.Replies;
import dev.pcibot.bot.discord.Workers;
import dev.pcibot.bot.discord.render.ReplyButtons;
import dev.pcibot.bot.store.FeedbackStore;
import dev.pcibot.bot.store.ReplyStore;
import dev.pcibot.bot.store.StoreException;
import dev.pcibot.bot.store.StoredReply;
import dev.pcibot.bot.store.Vote;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionHook;

/**
 * "Helpful" / "Not helpful" under every answer and diagnosis: stores one vote per user for each
 * section or finding the page showed (a second click by the same user changes the vote), so the
 * precision of each rule and section can be measured later. Anyone who sees the reply may vote.
 */
@Singleton
final class FeedbackButtons implements ComponentHandler {
    private final ReplyStore replies;
    private final FeedbackStore feedback;
    private final Workers workers;
    private final Clock clock = Clock.systemUTC();

    FeedbackButtons(ReplyStore replies, FeedbackStore feedback, Workers workers) {
        this.replies = replies;
        this.feedback = feedback;
        this.workers = workers;
    }

    @Override
    public String componentKey() {
        return ReplyButtons.FEEDBACK;
    }

    @Override
    public void onButton(ButtonInteractionEvent event, ComponentId id) {
        boolean helpful = ReplyButtons.HELPFUL.equals(id.action());
        long replyId = id.longArg(0);
        int page = (int) id.longArg(1);
        if (!workers.tryReserve()) {
            Replies.notice(event, Workers.BUSY);
            return;
        }
        InteractionHook hook = event.getHook();
        Long guild = event.getGuild() == null ? null : event.getGuild().getIdLong();
        long channel = event.getChannelIdLong();
        long user = event.getUser().getIdLong();
        workers.afterAck(event.deferReply(true), () -> Replies.finish(hook, record(replyId, page, helpful, guild, channel, user)));
    }

    private String record(long replyId, int page, boolean helpful, Long guild, long channel, long user) {
        try {
            Optional<StoredReply> reply = replies.find(replyId);
            List<String> items = reply.map(r -> r.itemsOn(page)).orElse(List.of());
            if (items.isEmpty()) {
                return "I no longer know what that reply showed, so the vote was not stored.";
            }
            Instant now = clock.instant();
            for (String item : items) {
                feedback.vote(new Vote(replyId, item, guild, channel, user, helpful, now));
            }
            return (helpful ? "Thanks! Noted as helpful: " : "Thanks for telling me. Noted as not helpful: ")
                    + String.join(", ", items.stream().map(i -> "`" + i + "`").toList()) + ".";
        } catch (StoreException e) {
            return "I could not store your vote just now; please try again later.";
        }
    }
}
