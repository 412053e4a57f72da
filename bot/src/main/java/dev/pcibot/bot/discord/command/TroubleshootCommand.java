package dev.pcibot.bot.discord.command;

import dev.pcibot.bot.converse.ConversationException;
import dev.pcibot.bot.converse.Conversations;
import dev.pcibot.bot.converse.Current;
import dev.pcibot.bot.discord.ComponentHandler;
import dev.pcibot.bot.discord.ComponentId;
import dev.pcibot.bot.discord.Replies;
import dev.pcibot.bot.discord.ReplyVisibility;
import dev.pcibot.bot.discord.SlashCommandAdapter;
import dev.pcibot.bot.discord.Workers;
import dev.pcibot.bot.discord.render.TroubleshootMessages;
import dev.pcibot.bot.store.StoreException;
import dev.pcibot.kb.converse.Answer;
import dev.pcibot.kb.converse.Choice;
import dev.pcibot.kb.converse.Conversation;
import dev.pcibot.kb.converse.StaleStepException;
import jakarta.inject.Singleton;
import java.util.function.Supplier;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /troubleshoot}: a conversation that asks for one output at a time, in the guide's order,
 * and ends with a cited diagnosis. The step is one message edited in place: its buttons paste an
 * output (a form), say "I can't run this", pick an option, go back, start over or stop. Only the
 * user who started it (or a server admin) may answer; anyone else is told to start their own. Each
 * button names its conversation and step, so a second click or an old message is told what happened.
 */
@Singleton
final class TroubleshootCommand extends SlashCommandAdapter implements ComponentHandler {
    static final String KEY = "ts";
    static final String DEVICE_OPTION = "device";
    static final String VMID_OPTION = "vmid";
    static final String SYMPTOM_OPTION = "symptom";
    static final String PASTE_INPUT = "output";
    static final String NOT_YOURS = "This troubleshooting conversation is someone else's: only the person who"
            + " started it (or a server admin) can answer it. Start your own with /troubleshoot.";
    private static final Logger LOG = LoggerFactory.getLogger(TroubleshootCommand.class);

    private final Conversations conversations;
    private final Workers workers;
    private final ReplyVisibility visibility;

    TroubleshootCommand(Conversations conversations, Workers workers, ReplyVisibility visibility) {
        super("troubleshoot", "Walk through PCI passthrough checks step by step, in the guide's order");
        this.conversations = conversations;
        this.workers = workers;
        this.visibility = visibility;
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
        Long guild = event.getGuild() == null ? null : event.getGuild().getIdLong();
        long channel = event.getChannelIdLong();
        work(event, event.getHook(), () -> {
            // one open conversation per user per channel: a new /troubleshoot replaces the old one
            conversations.openIn(owner(event), channel)
                    .ifPresent(old -> conversations.stop(old.stored().id(), owner(event), false));
            return conversations.start(owner(event), guild, channel, start, null);
        }, true);
    }

    @Override
    public void onButton(ButtonInteractionEvent event, ComponentId id) {
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
                try {
                    Current current = conversations.get(conversation);
                    if (!admin && !current.stored().owner().equals(actor)) {
                        Replies.notice(event, NOT_YOURS);
                        return;
                    }
                } catch (ConversationException | StoreException e) {
                    Replies.notice(event, e.getMessage());
                    return;
                }
                Replies.send(event.replyModal(pasteForm(conversation, step)), "paste form");
            }
            case "cannot" -> edit(event, () -> {
                Current current = conversations.get(conversation);
                String probe = current.step().ask() instanceof dev.pcibot.kb.converse.Ask.RunProbe r ? r.probe() : "";
                return conversations.answer(conversation, actor, admin, step, new Answer.CannotRun(probe));
            });
            case "pick" -> edit(event, () -> {
                Current current = conversations.get(conversation);
                if (!(current.step().ask() instanceof dev.pcibot.kb.converse.Ask.Pick p) || current.step().number() != step) {
                    throw new StaleStepException(step, current.step().number());
                }
                return conversations.answer(conversation, actor, admin, step, new Answer.Chose(p.choice(), id.args().get(2)));
            });
            case "back" -> edit(event, () -> conversations.back(conversation, actor, admin, step));
            case "over" -> edit(event, () -> conversations.startOver(conversation, actor, admin));
            case "stop" -> edit(event, () -> conversations.stop(conversation, actor, admin));
            case "resume" -> edit(event, () -> conversations.resume(conversation, actor, admin));
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

    @Override
    public void onModal(ModalInteractionEvent event, ComponentId id) {
        if (id.args().size() < 2) {
            Replies.notice(event, "This form is from an older version of me and no longer works.");
            return;
        }
        String conversation = id.args().get(0);
        int step = (int) id.longArg(1);
        ModalMapping value = event.getValue(PASTE_INPUT);
        String text = value == null ? "" : value.getAsString();
        edit(event, () -> {
            Current current = conversations.get(conversation);
            if (!(current.step().ask() instanceof dev.pcibot.kb.converse.Ask.RunProbe r) || current.step().number() != step) {
                throw new StaleStepException(step, current.step().number());
            }
            return conversations.answer(conversation, owner(event), admin(event), step,
                    new Answer.Pasted(r.probe(), text, r.afterFix()));
        });
    }

    static Modal pasteForm(String conversation, int step) {
        TextInput input = TextInput.create(PASTE_INPUT, TextInputStyle.PARAGRAPH)
                .setPlaceholder("Paste what the command printed")
                .setRequiredRange(1, TextInput.MAX_VALUE_LENGTH)
                .build();
        return Modal.create(ComponentId.of(KEY, "m", conversation, step).encode(), "Paste the output")
                .addComponents(Label.of("Output (up to 4,000 characters)", input))
                .build();
    }

    /** For a button or form on the step message: acknowledge by editing it, then update it in place. */
    private void edit(net.dv8tion.jda.api.interactions.callbacks.IMessageEditCallback event, Supplier<Current> job) {
        IReplyCallback reply = (IReplyCallback) event;
        if (!workers.tryReserve()) {
            Replies.notice(reply, Workers.BUSY);
            return;
        }
        InteractionHook hook = reply.getHook();
        workers.afterAck(event.deferEdit(), () -> finish(hook, job, false));
    }

    /** For the slash command: defer a new reply (public or ephemeral per channel), then fill it. */
    private void work(SlashCommandInteractionEvent event, InteractionHook hook, Supplier<Current> job, boolean fresh) {
        if (!workers.tryReserve()) {
            Replies.notice(event, Workers.BUSY);
            return;
        }
        workers.afterAck(event.deferReply(visibility.ephemeral(event)), () -> finish(hook, job, fresh));
    }

    private void finish(InteractionHook hook, Supplier<Current> job, boolean fresh) {
        if (hook.isExpired()) {
            return;
        }
        Current current;
        try {
            current = job.get();
        } catch (StaleStepException e) {
            Replies.followUpNotice(hook, e.getMessage());
            return;
        } catch (ConversationException e) {
            if (e.status() == 410 && !fresh) {
                offerResume(hook, e.getMessage(), conversationOf(hook));
            } else if (fresh) {
                Replies.finish(hook, e.getMessage());
            } else {
                Replies.followUpNotice(hook, e.getMessage());
            }
            return;
        } catch (IllegalArgumentException e) { // InputRejectedException is one too
            if (fresh) {
                Replies.finish(hook, e.getMessage());
            } else {
                Replies.followUpNotice(hook, e.getMessage()); // the step message stays as it was
            }
            return;
        } catch (StoreException e) {
            LOG.warn("Conversation not available: {}", e.getMessage());
            Replies.followUpNotice(hook, "I could not reach my database to keep this conversation; try again in a moment.");
            return;
        }
        if (current.stored().stopped()) {
            Replies.finish(hook, "Stopped at step " + current.step().number() + ". Start again any time with /troubleshoot.");
            return;
        }
        Replies.finish(hook, TroubleshootMessages.render(current.step(), ids(current)));
    }

    /** An expired conversation's buttons answer with this: what happened, and a button to carry on. */
    private static void offerResume(InteractionHook hook, String message, @org.jspecify.annotations.Nullable ComponentId clicked) {
        if (clicked == null || clicked.args().size() < 2) {
            Replies.followUpNotice(hook, message);
            return;
        }
        var resume = ComponentId.of(KEY, "resume", clicked.args().get(0), clicked.args().get(1)).encode();
        Replies.send(hook.sendMessage(new net.dv8tion.jda.api.utils.messages.MessageCreateBuilder()
                        .setContent(message)
                        .setComponents(net.dv8tion.jda.api.components.actionrow.ActionRow.of(
                                net.dv8tion.jda.api.components.buttons.Button.primary(resume, "Resume")))
                        .setAllowedMentions(java.util.List.of())
                        .build())
                .setEphemeral(true), "resume offer");
    }

    /** The component the hook's interaction came from (a button or a form), if we wrote it. */
    private static @org.jspecify.annotations.Nullable ComponentId conversationOf(InteractionHook hook) {
        Interaction interaction = hook.getInteraction();
        String id = interaction instanceof net.dv8tion.jda.api.interactions.components.ComponentInteraction c
                ? c.getComponentId()
                : interaction instanceof net.dv8tion.jda.api.interactions.modals.ModalInteraction m ? m.getModalId() : null;
        return id == null ? null : ComponentId.parse(id).orElse(null);
    }

    static TroubleshootMessages.Ids ids(Current current) {
        String c = current.stored().id();
        int n = current.step().number();
        return new TroubleshootMessages.Ids() {
            @Override public String paste() { return ComponentId.of(KEY, "paste", c, n).encode(); }
            @Override public String cannot() { return ComponentId.of(KEY, "cannot", c, n).encode(); }
            @Override public String pick(String value) { return ComponentId.of(KEY, "pick", c, n, value).encode(); }
            @Override public String back() { return ComponentId.of(KEY, "back", c, n).encode(); }
            @Override public String startOver() { return ComponentId.of(KEY, "over", c, n).encode(); }
            @Override public String stop() { return ComponentId.of(KEY, "stop", c, n).encode(); }
            @Override public String share() { return ComponentId.of(KEY, "share", c, n).encode(); }
        };
    }

    private static String owner(Interaction event) {
        return "discord:" + event.getUser().getIdLong();
    }

    private static boolean admin(Interaction event) {
        return event.getMember() != null && event.getMember().hasPermission(Permission.MANAGE_SERVER);
    }
}
