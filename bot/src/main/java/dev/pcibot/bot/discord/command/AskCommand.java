package dev.pcibot.bot.discord.command;

import dev.pcibot.bot.discord.ComponentHandler;
import dev.pcibot.bot.discord.ComponentId;
import dev.pcibot.bot.discord.Replies;
import dev.pcibot.bot.discord.ReplyVisibility;
import dev.pcibot.bot.discord.SlashCommandAdapter;
import dev.pcibot.bot.discord.Workers;
import dev.pcibot.bot.discord.render.AnswerMessages;
import dev.pcibot.bot.discord.render.MessageLimits;
import dev.pcibot.bot.discord.render.ReplyButtons;
import dev.pcibot.bot.discord.render.Trim;
import dev.pcibot.bot.ops.ServiceMetrics;
import dev.pcibot.bot.store.ReplyKind;
import dev.pcibot.bot.store.ReplyStore;
import dev.pcibot.bot.store.StoreException;
import dev.pcibot.bot.store.StoredReply;
import dev.pcibot.kb.AnswerResult;
import dev.pcibot.kb.Answerer;
import dev.pcibot.kb.diagnose.Diagnoser;
import dev.pcibot.kb.search.InvalidQueryException;
import dev.pcibot.kb.search.KbSearcher;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /ask question}: the best guide section for a question, with its citation and the commands
 * to copy; "show more" pages through further hits; "no good answer" when nothing fits. The
 * question option autocompletes section titles.
 */
@Singleton
final class AskCommand extends SlashCommandAdapter implements ComponentHandler {
    static final String QUESTION_OPTION = "question";
    static final int HITS = 10;
    static final int QUESTION_MAX = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(AskCommand.class);

    private final KbSearcher searcher;
    private final Answerer answerer;
    private final ReplyStore replies;
    private final Workers workers;
    private final ReplyVisibility visibility;
    private final Clock clock = Clock.systemUTC();

    /** @param answerer the service's bean when it provides one, else built here from the same parts */
    /** Questions answered in Discord, beside the HTTP ones, on /metrics (door {@code discord}). */
    @Inject ServiceMetrics metrics = ServiceMetrics.unregistered();

    AskCommand(KbSearcher searcher, Diagnoser diagnoser, Optional<Answerer> answerer, ReplyStore replies,
            Workers workers, ReplyVisibility visibility) {
        super("ask", "Ask about PCI(e) and GPU passthrough on Proxmox VE");
        this.searcher = searcher;
        this.answerer = answerer.orElseGet(() -> new Answerer(searcher, diagnoser));
        this.replies = replies;
        this.workers = workers;
        this.visibility = visibility;
        data().addOptions(new OptionData(OptionType.STRING, QUESTION_OPTION, "Your question, or a guide section")
                .setRequired(true)
                .setAutoComplete(true)
                .setMaxLength(QUESTION_MAX));
    }

    @Override
    public String componentKey() {
        return ReplyButtons.MORE_KEY;
    }

    @Override
    public void onSlashCommand(SlashCommandInteractionEvent event) {
        String question = event.getOption(QUESTION_OPTION, "", OptionMapping::getAsString);
        if (question.isBlank()) {
            Replies.notice(event, "Ask a question, for example `/ask question: how do I enable IOMMU`.");
            return;
        }
        long user = event.getUser().getIdLong();
        Optional<String> busy = workers.tryReserve(user);
        if (busy.isPresent()) {
            Replies.notice(event, busy.get());
            return;
        }
        InteractionHook hook = event.getHook();
        workers.afterAck(user, event.deferReply(visibility.ephemeral(event)), () -> answer(event, hook, question));
    }

    private void answer(IReplyCallback event, InteractionHook hook, String question) {
        if (hook.isExpired()) {
            return; // waited past the 15-minute token: nobody can be answered any more
        }
        AnswerResult answer;
        try {
            answer = metrics.search("discord", answerer.answer(question, HITS));
        } catch (InvalidQueryException e) {
            Replies.finish(hook, e.getMessage());
            return;
        }
        long asker = event.getUser().getIdLong();
        boolean more = AnswerMessages.pageCount(answer.search()) > 1;
        Optional<StoredReply> saved = save(event, question, answer);
        List<ActionRow> buttons = saved.map(r -> ReplyButtons.forAnswer(r.id(), 0, more, asker))
                .orElse(ReplyButtons.deleteOnly(asker));
        Replies.finish(hook, AnswerMessages.render(answer.search(), answer.findings(), 0, buttons));
    }

    @Override
    public void onAutoComplete(CommandAutoCompleteInteractionEvent event) {
        String typed = event.getFocusedOption().getValue();
        List<Command.Choice> choices = searcher.suggestTitles(typed, MessageLimits.AUTOCOMPLETE_CHOICES).stream()
                .limit(MessageLimits.AUTOCOMPLETE_CHOICES)
                .map(title -> Trim.line(title, MessageLimits.CHOICE_NAME))
                .distinct()
                .map(title -> new Command.Choice(title, title))
                .toList();
        event.replyChoices(choices).queue(ok -> {}, e -> LOG.warn("Autocomplete reply failed: {}", e.getMessage()));
    }

    /** "Show more": the asker pages the message in place; anyone else gets the page privately. */
    @Override
    public void onButton(ButtonInteractionEvent event, ComponentId id) {
        long replyId = id.longArg(0);
        int page = (int) id.longArg(1);
        if (!workers.tryReserve()) {
            Replies.notice(event, Workers.BUSY);
            return;
        }
        boolean asker = replies.find(replyId).map(r -> r.userId() == event.getUser().getIdLong()).orElse(false);
        InteractionHook hook = event.getHook();
        workers.afterAck(asker ? event.deferEdit() : event.deferReply(true), () -> page(hook, replyId, page));
    }

    private void page(InteractionHook hook, long replyId, int page) {
        Optional<StoredReply> reply = replies.find(replyId);
        if (reply.isEmpty() || reply.get().query() == null) {
            Replies.finish(hook, "I no longer have that question; ask it again with /ask.");
            return;
        }
        AnswerResult answer;
        try {
            answer = answerer.answer(reply.get().query(), HITS);
        } catch (InvalidQueryException e) {
            Replies.finish(hook, e.getMessage());
            return;
        }
        int pages = AnswerMessages.pageCount(answer.search());
        int shown = Math.min(page, pages - 1);
        List<ActionRow> buttons = ReplyButtons.forAnswer(replyId, shown, shown + 1 < pages, reply.get().userId());
        Replies.finish(hook, AnswerMessages.render(answer.search(), answer.findings(), shown, buttons));
    }

    private Optional<StoredReply> save(IReplyCallback event, String question, AnswerResult answer) {
        try {
            return Optional.of(replies.save(
                    ReplyKind.ANSWER,
                    event.getGuild() == null ? null : event.getGuild().getIdLong(),
                    event.getChannelIdLong(),
                    event.getUser().getIdLong(),
                    question,
                    AnswerMessages.pageItems(answer.search(), answer.findings()),
                    clock.instant()));
        } catch (StoreException e) {
            LOG.warn("Reply not stored, sending it without feedback buttons: {}", e.getMessage());
            return Optional.empty();
        }
    }
}
