package dev.pcibot.bot.discord.command;

import dev.pcibot.bot.converse.ConversationException;
import dev.pcibot.bot.converse.Conversations;
import dev.pcibot.bot.converse.Current;
import dev.pcibot.bot.converse.StoredConversation;
import dev.pcibot.bot.discord.ComponentHandler;
import dev.pcibot.bot.discord.ComponentId;
import dev.pcibot.bot.discord.Replies;
import dev.pcibot.bot.discord.ReplyVisibility;
import dev.pcibot.bot.discord.SlashCommandAdapter;
import dev.pcibot.bot.discord.Workers;
import dev.pcibot.bot.discord.intake.AttachmentReader;
import dev.pcibot.bot.discord.intake.AttachmentRejectedException;
import dev.pcibot.bot.discord.render.ReplyButtons;
import dev.pcibot.bot.store.ReplyKind;
import dev.pcibot.bot.store.ReplyStore;
import dev.pcibot.bot.store.StoredReply;
import dev.pcibot.bot.discord.render.TroubleshootMessages;
import dev.pcibot.bot.store.StoreException;
import dev.pcibot.kb.converse.Answer;
import dev.pcibot.kb.converse.Ask;
import dev.pcibot.kb.converse.Choice;
import dev.pcibot.kb.converse.Conversation;
import dev.pcibot.kb.converse.StaleStepException;
import dev.pcibot.kb.diagnose.Diagnoser;
import dev.pcibot.bot.probe.ProbeAsk;
import dev.pcibot.bot.probe.ProbeDecision;
import dev.pcibot.bot.probe.ProbeFailure;
import dev.pcibot.bot.probe.ProbeRefusedException;
import dev.pcibot.bot.probe.ProbeReport;
import dev.pcibot.bot.probe.ProbeRunner;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /troubleshoot}: a conversation that asks for one output at a time, in the guide's order,
 * and ends with a cited diagnosis. The step is one message edited in place: its buttons paste an
 * output (a form with a text box and a file upload), run the probe on a node the person may probe
 * ("Run it on &lt;node&gt;", {@link StepProbes}; its output answers as a paste), say "I can't run
 * this", pick an option, go back, start over or stop. It also starts from "Walk me through it" under a diagnosis or an answer
 * (the same paste, owned by whoever clicks). In a public help channel it moves into a thread of its
 * own ({@link ConversationThreads}); one is open per user and channel, and a second start points to
 * it. Only the user who started it (or a server admin) may answer; anyone else is told privately to
 * start their own. Each button names its conversation and step, so a second click or an old message
 * is told what happened ({@link StepReplies}).
 */
@Singleton
final class TroubleshootCommand extends SlashCommandAdapter implements ComponentHandler {
    static final String KEY = "ts";
    static final String DEVICE_OPTION = "device";
    static final String VMID_OPTION = "vmid";
    static final String SYMPTOM_OPTION = "symptom";
    static final String NOT_YOURS = "This troubleshooting conversation is someone else's: only the person who"
            + " started it (or a server admin) can answer it. Start your own with /troubleshoot.";
    /** What a diagnosis says of text that shows nothing: a question that quotes no output. */
    private static final java.util.Set<String> QUIET_FINDINGS = java.util.Set.of("none", "insufficient-info");
    static final String DATABASE_DOWN = StepReplies.DATABASE_DOWN;
    private static final Logger LOG = LoggerFactory.getLogger(TroubleshootCommand.class);

    static final String GONE = "I no longer have what that reply was made from (pastes are kept for a few days)."
            + " Start with /troubleshoot, or /diagnose the output again.";

    private final Conversations conversations;
    private final Workers workers;
    private final ReplyVisibility visibility;
    private final ReplyStore replies;
    private final Diagnoser diagnoser;
    private final PasteForm form;
    private final ConversationThreads threads;
    private final StepProbes probes;

    TroubleshootCommand(Conversations conversations, Workers workers, ReplyVisibility visibility, ReplyStore replies,
            Diagnoser diagnoser, AttachmentReader attachments, StepProbes probes) {
        super("troubleshoot", "Walk through PCI passthrough checks step by step, in the guide's order");
        this.conversations = conversations;
        this.workers = workers;
        this.visibility = visibility;
        this.replies = replies;
        this.diagnoser = diagnoser;
        this.form = new PasteForm(attachments);
        this.threads = new ConversationThreads(visibility);
        this.probes = probes;
        OptionData symptom = new OptionData(OptionType.STRING, SYMPTOM_OPTION, "What goes wrong");
        for (Choice.Option o : Choice.SYMPTOM.options()) {
            symptom.addChoice(o.shortLabel(), o.value());
        }
        data().addOptions(
                new OptionData(OptionType.STRING, DEVICE_OPTION, "What you pass through (e.g. RX 580, 01:00.0)")
                        .setMaxLength(100),
                new OptionData(OptionType.STRING, VMID_OPTION, "The VM's id (e.g. 100)").setMaxLength(9),
                symptom);
    }

    @Override
    public String componentKey() {
        return KEY;
    }

    @Override
    public void onSlashCommand(SlashCommandInteractionEvent event) {
        Conversation.Start start;
        try {
            start = new Conversation.Start(event.getOption(DEVICE_OPTION, OptionMapping::getAsString),
                    event.getOption(VMID_OPTION, OptionMapping::getAsString),
                    event.getOption(SYMPTOM_OPTION, OptionMapping::getAsString));
        } catch (IllegalArgumentException e) {
            Replies.notice(event, e.getMessage());
            return;
        }
        Conversation.Start given = start;
        begin(event, () -> given, () -> null);
    }

    /**
     * Starts a conversation for whoever is behind {@code event}, unless they have one open in this
     * channel already (one per user per channel): then they are pointed to it, privately.
     *
     * @param start how it starts; computed on the worker
     * @param seed the text it starts from (a paste, a question that quotes output), or null
     */
    private void begin(IReplyCallback event, Supplier<Conversation.Start> start, Supplier<@Nullable String> seed) {
        String owner = owner(event);
        Long guild = event.getGuild() == null ? null : event.getGuild().getIdLong();
        long channel = ConversationThreads.channelOf(event);
        Optional<StoredConversation> open;
        try {
            open = conversations.openStored(owner, channel);
        } catch (StoreException e) {
            Replies.notice(event, DATABASE_DOWN);
            return;
        }
        if (open.isPresent()) {
            pointTo(event, open.get());
            return;
        }
        Supplier<Current> job = () -> {
            // an expired one left open here is stopped: the new one takes its place
            conversations.openIn(owner, channel).ifPresent(old -> conversations.stop(old.stored().id(), owner, false));
            return conversations.start(owner, guild, channel, start.get(), seed.get());
        };
        if (!threads.movesToThread(event)) {
            work(event, job);
            return;
        }
        if (!workers.tryReserve()) {
            Replies.notice(event, Workers.BUSY);
            return;
        }
        InteractionHook hook = event.getHook();
        workers.afterAck(event.deferReply(true), () -> finishInThread(event, hook, job));
    }

    /**
     * Starts the conversation in a new thread of the channel: the step message goes there and the
     * user is told privately where it is. Without a thread (Discord said no) it stays in this reply.
     */
    private void finishInThread(IReplyCallback event, InteractionHook hook, Supplier<Current> job) {
        Current current = StepReplies.attempt(hook, job, true);
        if (current == null) {
            return;
        }
        // no "Run it on" here: this interaction is in the parent channel, the clicks will come from the
        // thread, and the probe gate decides by channel; the next step, rendered from a click there, offers it
        var step = TroubleshootMessages.render(current.step(), StepReplies.ids(current, List.of()));
        var thread = threads.open(event, "Troubleshooting · " + event.getUser().getName());
        if (thread.isEmpty()) {
            Replies.finish(hook, step);
            return;
        }
        try {
            thread.get().sendMessage(step).complete();
            conversations.movedTo(current.stored().id(), thread.get().getIdLong());
        } catch (RuntimeException e) { // a failed post or store: the reply carries the step instead
            LOG.warn("Could not move a conversation into its thread: {}", e.getMessage());
            Replies.finish(hook, step);
            return;
        }
        Replies.finish(hook, "I opened a thread for this conversation: " + thread.get().getAsMention()
                + ". Answer there; only you (and server admins) can.");
    }

    /** "You have one open here": with a button that shows its step again, and one that stops it. */
    private static void pointTo(IReplyCallback event, StoredConversation open) {
        int step = open.conversation().stepNumber();
        String where = open.threadId() == null ? "" : " in <#" + open.threadId() + ">";
        String text = "You already have a troubleshooting conversation open in this channel" + where + " (at step "
                + step + "). Carry on with it, or stop it to start a new one.";
        Replies.send(event.reply(new MessageCreateBuilder()
                        .setContent(text)
                        .setComponents(ActionRow.of(
                                Button.primary(ComponentId.of(KEY, "show", open.id(), step).encode(), "Show it here"),
                                Button.danger(ComponentId.of(KEY, "stop", open.id(), step).encode(), "Stop it")))
                        .setAllowedMentions(List.of())
                        .build())
                .setEphemeral(true), "open conversation pointer");
    }

    /**
     * "Walk me through it" under a diagnosis or an answer: a conversation from the same paste (or
     * the question), owned by whoever clicked.
     */
    private void walk(ButtonInteractionEvent event, ComponentId id) {
        long replyId = id.longArg(0);
        Optional<StoredReply> reply;
        try {
            reply = replies.find(replyId);
        } catch (StoreException e) {
            Replies.notice(event, DATABASE_DOWN);
            return;
        }
        if (reply.isEmpty()) {
            Replies.notice(event, GONE);
            return;
        }
        if (reply.get().kind() == ReplyKind.ANSWER) {
            String question = reply.get().query() == null ? "" : reply.get().query();
            begin(event, () -> Conversation.Start.NONE, () -> quotedOutput(question));
            return;
        }
        begin(event, () -> Conversation.Start.NONE, () -> replies.seed(replyId)
                .orElseThrow(() -> new StepReplies.ConversationGoneException(GONE)));
    }

    /** The question, when it quotes output the diagnosis recognises (a kernel message); else null. */
    private @Nullable String quotedOutput(String question) {
        if (question.isBlank()) {
            return null;
        }
        try {
            var diagnosis = diagnoser.diagnose(question);
            boolean recognised = diagnosis.parts().stream().anyMatch(p -> !p.kind().equals("unknown"))
                    || diagnosis.findings().stream().anyMatch(f -> !QUIET_FINDINGS.contains(f.id()));
            return recognised ? question : null;
        } catch (IllegalArgumentException e) {
            return null; // prose the diagnosis refuses: the walk starts from nothing
        }
    }

    @Override
    public void onButton(ButtonInteractionEvent event, ComponentId id) {
        if (id.action().equals(ReplyButtons.WALK) && id.args().size() == 1) {
            walk(event, id);
            return;
        }
        if (id.args().size() < 2) {
            Replies.notice(event, "This button is from an older version of me and no longer works.");
            return;
        }
        String conversation = id.args().get(0);
        int step = (int) id.longArg(1);
        String actor = owner(event);
        boolean admin = admin(event);
        switch (id.action()) {
            case "paste" -> {
                // a form must be the first response, so ownership is checked before it opens
                if (refusedPrivately(event, conversation, actor, admin)) {
                    return;
                }
                Replies.send(event.replyModal(form.build(KEY, id.args())), "paste form");
            }
            case "cannot" -> edit(event, () -> {
                String probe = id.args().size() > 2 ? id.args().get(2) : null;
                if (probe == null) { // a button of an older version: ask the step
                    Current current = conversations.get(conversation);
                    probe = current.step().ask() instanceof Ask.RunProbe r ? r.probe() : "";
                }
                return conversations.answer(conversation, actor, admin, step, new Answer.CannotRun(probe));
            });
            case "pick" -> edit(event, () -> {
                Choice choice = id.args().size() > 3 ? Choice.byId(id.args().get(3)).orElse(null) : null;
                if (choice == null) { // a button of an older version: ask the step
                    Current current = conversations.get(conversation);
                    if (!(current.step().ask() instanceof Ask.Pick p) || current.step().number() != step) {
                        throw new StaleStepException(step, current.step().number());
                    }
                    choice = p.choice();
                }
                return conversations.answer(conversation, actor, admin, step, new Answer.Chose(choice, id.args().get(2)));
            });
            case "run" -> run(event, id, conversation, step, actor, admin);
            case "back" -> edit(event, () -> conversations.back(conversation, actor, admin, step));
            case "over" -> edit(event, () -> conversations.startOver(conversation, actor, admin));
            case "stop" -> edit(event, () -> conversations.stop(conversation, actor, admin));
            case "resume" -> {
                // the offer to resume is a plain notice: the step comes back as a new message
                if (!refusedPrivately(event, conversation, actor, admin)) {
                    work(event, () -> conversations.resume(conversation, actor, admin));
                }
            }
            case "show" -> {
                // a new message may be public: only the owner's is posted, anyone else is told privately
                if (!refusedPrivately(event, conversation, actor, admin)) {
                    work(event, () -> conversations.show(conversation, actor, admin));
                }
            }
            case "share" -> {
                try {
                    String shareId = conversations.share(conversation, actor, admin);
                    Replies.notice(event, "A scrubbed report (serials, MACs, UUIDs, host names and addresses masked) is"
                            + " at `/api/reports/" + shareId + "` on the pcibot service; the link expires in a few days.");
                } catch (ConversationException | StoreException e) {
                    Replies.notice(event, e.getMessage());
                }
            }
            default -> Replies.notice(event, "This button no longer does anything.");
        }
    }

    /**
     * "Run it on &lt;node&gt;": only the owner (or an admin) may click; the step must still be the one
     * the button was on; the probe is decided again from this click (audited when refused, told
     * privately with its rule) and, once admitted, runs on the node and its output answers the step
     * as a paste would, so the rules run again on every fact. A refusal or a failure leaves the step as it was.
     */
    private void run(ButtonInteractionEvent event, ComponentId id, String conversation, int step, String actor, boolean admin) {
        if (id.args().size() < 4 || refusedPrivately(event, conversation, actor, admin)) {
            return;
        }
        String node = id.args().get(3);
        Current current;
        try {
            current = conversations.get(conversation);
        } catch (ConversationException | StoreException e) {
            Replies.notice(event, e.getMessage());
            return;
        }
        if (current.step().number() != step || !(current.step().ask() instanceof Ask.RunProbe asked)
                || !asked.probe().equals(id.args().get(2))) {
            Replies.notice(event, new StaleStepException(step, current.step().number()).getMessage());
            return;
        }
        Optional<StepProbes.StepProbe> wanted = StepProbes.of(current.step());
        if (wanted.isEmpty()) {
            Replies.notice(event, "I can't run this step's command on a node; paste its output instead.");
            return;
        }
        ProbeAsk ask = StepProbes.ask(event, node, wanted.get());
        ProbeRunner runner = probes.runner();
        ProbeDecision decision = runner.admit(ask); // a refusal is audited there
        if (!decision.allowed()) {
            Replies.notice(event, decision.message());
            return;
        }
        java.util.concurrent.atomic.AtomicReference<String> kept = new java.util.concurrent.atomic.AtomicReference<>();
        edit(event, () -> {
            ProbeReport report;
            try {
                report = runner.execute(ask, decision);
            } catch (ProbeFailure | ProbeRefusedException e) {
                throw new StepReplies.ProbeNotRunException(e.getMessage());
            }
            Current next = conversations.answer(conversation, actor, admin, step,
                    new Answer.Pasted(asked.probe(), report.paste(), asked.afterFix()));
            kept.set(probes.raw().keep(ask, runner.settings().node(node).orElseThrow(), report));
            return next;
        }, hook -> {
            if (kept.get() != null && !hook.isExpired()) { // only the one who ran it is told, and may see the output
                Replies.send(hook.sendMessage(new MessageCreateBuilder()
                                .setContent("Ran `" + asked.probe() + "` on `" + node + "`; its output answered step " + step + ".")
                                .setComponents(RawOutputButton.row(kept.get()))
                                .setAllowedMentions(List.of())
                                .build())
                        .setEphemeral(true), "probe run notice");
            }
        });
    }

    /** Says privately why not, when {@code actor} may not act on the conversation; true then. */
    private boolean refusedPrivately(IReplyCallback event, String conversation, String actor, boolean admin) {
        try {
            if (conversations.mayAct(conversation, actor, admin)) {
                return false;
            }
            Replies.notice(event, NOT_YOURS);
        } catch (ConversationException | StoreException e) {
            Replies.notice(event, e.getMessage());
        }
        return true;
    }

    @Override
    public void onModal(ModalInteractionEvent event, ComponentId id) {
        if (id.args().size() < 2) {
            Replies.notice(event, "This form is from an older version of me and no longer works.");
            return;
        }
        String conversation = id.args().get(0);
        int step = (int) id.longArg(1);
        PasteForm.Submitted submitted;
        try {
            submitted = form.read(event); // an empty form or a file that is no text: told at once
        } catch (AttachmentRejectedException e) {
            Replies.notice(event, e.getMessage());
            return;
        }
        edit(event, () -> {
            Ask.RunProbe r;
            if (id.args().size() > 3) {
                r = new Ask.RunProbe(id.args().get(2), "", "", "", id.args().get(3).equals("1"));
            } else { // a form of an older version: ask the step
                Current current = conversations.get(conversation);
                if (!(current.step().ask() instanceof Ask.RunProbe asked) || current.step().number() != step) {
                    throw new StaleStepException(step, current.step().number());
                }
                r = asked;
            }
            String text;
            try {
                text = form.text(submitted);
            } catch (AttachmentRejectedException e) {
                throw new IllegalArgumentException(e.getMessage(), e); // told privately; the step stays
            }
            return conversations.answer(conversation, owner(event), admin(event), step,
                    new Answer.Pasted(r.probe(), text, r.afterFix()));
        });
    }

    /** For a button or form on the step message: acknowledge by editing it, then update it in place. */
    private void edit(net.dv8tion.jda.api.interactions.callbacks.IMessageEditCallback event, Supplier<Current> job) {
        edit(event, job, hook -> {});
    }

    /** Like {@link #edit(net.dv8tion.jda.api.interactions.callbacks.IMessageEditCallback, Supplier)}, then {@code after} once the next step is shown. */
    private void edit(net.dv8tion.jda.api.interactions.callbacks.IMessageEditCallback event, Supplier<Current> job,
            java.util.function.Consumer<InteractionHook> after) {
        IReplyCallback reply = (IReplyCallback) event;
        if (!workers.tryReserve()) {
            Replies.notice(reply, Workers.BUSY);
            return;
        }
        InteractionHook hook = reply.getHook();
        workers.afterAck(event.deferEdit(), () -> StepReplies.finish(hook, job, false, probes, () -> after.accept(hook)));
    }

    /** For a new step message: defer a new reply (public or ephemeral per channel), then fill it. */
    private void work(IReplyCallback event, Supplier<Current> job) {
        if (!workers.tryReserve()) {
            Replies.notice(event, Workers.BUSY);
            return;
        }
        InteractionHook hook = event.getHook();
        workers.afterAck(event.deferReply(visibility.ephemeral(event)), () -> StepReplies.finish(hook, job, true, probes));
    }

    private static String owner(Interaction event) {
        return "discord:" + event.getUser().getIdLong();
    }

    private static boolean admin(Interaction event) {
        return event.getMember() != null && event.getMember().hasPermission(Permission.MANAGE_SERVER);
    }
}
