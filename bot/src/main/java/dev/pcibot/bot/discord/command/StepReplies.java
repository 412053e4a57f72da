package dev.pcibot.bot.discord.command;

import dev.pcibot.bot.converse.ConversationException;
import dev.pcibot.bot.converse.Current;
import dev.pcibot.bot.discord.ComponentId;
import dev.pcibot.bot.discord.Replies;
import dev.pcibot.bot.discord.render.TroubleshootMessages;
import dev.pcibot.bot.store.StoreException;
import dev.pcibot.kb.converse.Ask;
import dev.pcibot.kb.converse.StaleStepException;
import java.util.function.Supplier;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.InteractionHook;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a troubleshooting step reaches the user once the work is done: the step message (or a
 * notice in its place), what a failure is told (a stale click, an expired conversation with its
 * Resume, a refused paste, the database away), and the ids of the step's buttons.
 */
final class StepReplies {
    static final String DATABASE_DOWN = "I could not reach my database to keep this conversation; try again in a moment.";
    private static final Logger LOG = LoggerFactory.getLogger(StepReplies.class);

    private StepReplies() {}

    static void finish(InteractionHook hook, Supplier<Current> job, boolean fresh, StepProbes probes) {
        finish(hook, job, fresh, probes, () -> {});
    }

    /** @param then run once the next step is shown (not when the job failed or the conversation stopped) */
    static void finish(InteractionHook hook, Supplier<Current> job, boolean fresh, StepProbes probes, Runnable then) {
        Current current = attempt(hook, job, fresh);
        if (current == null) {
            return;
        }
        if (current.stored().stopped()) {
            String stopped = "Stopped at step " + current.step().number() + ". Start again any time with /troubleshoot.";
            if (onComponentsV2(hook)) {
                Replies.finish(hook, TroubleshootMessages.notice(stopped)); // a V2 message takes no plain content
            } else {
                Replies.finish(hook, stopped);
            }
            return;
        }
        Replies.finish(hook, render(hook.getInteraction(), current, probes), then);
    }

    /**
     * The step message as shown to whoever is behind {@code interaction}: its "Run it on" buttons
     * are the nodes that person may run the step's probe on now.
     */
    static net.dv8tion.jda.api.utils.messages.MessageCreateData render(Interaction interaction, Current current, StepProbes probes) {
        return TroubleshootMessages.render(current.step(), ids(current, probes.nodes(interaction, current.step())));
    }

    /** Runs the job; null when it failed and the user has been told why. */
    static @Nullable Current attempt(InteractionHook hook, Supplier<Current> job, boolean fresh) {
        if (hook.isExpired()) {
            return null;
        }
        try {
            return job.get();
        } catch (StaleStepException e) {
            Replies.followUpNotice(hook, e.getMessage());
            return null;
        } catch (ConversationGoneException e) {
            Replies.finish(hook, e.getMessage());
            return null;
        } catch (ProbeNotRunException e) {
            Replies.followUpNotice(hook, e.getMessage()); // refused or failed on the node: the step stays
            return null;
        } catch (ConversationException e) {
            if (e.status() == 410 && !fresh) {
                offerResume(hook, e.getMessage(), conversationOf(hook));
            } else if (fresh) {
                Replies.finish(hook, e.getMessage());
            } else {
                Replies.followUpNotice(hook, e.getMessage());
            }
            return null;
        } catch (IllegalArgumentException e) { // InputRejectedException is one too
            if (fresh) {
                Replies.finish(hook, e.getMessage());
            } else {
                Replies.followUpNotice(hook, e.getMessage()); // the step message stays as it was
            }
            return null;
        } catch (StoreException e) {
            LOG.warn("Conversation not available: {}", e.getMessage());
            Replies.followUpNotice(hook, DATABASE_DOWN);
        }
        return null;
    }

    /** Whether the message the hook edits is a Components V2 one (a step message). */
    private static boolean onComponentsV2(InteractionHook hook) {
        return hook.getInteraction() instanceof net.dv8tion.jda.api.interactions.components.ComponentInteraction c
                && c.getMessage().isUsingComponentsV2();
    }

    /** An expired conversation's buttons answer with this: what happened, and a button to carry on. */
    private static void offerResume(InteractionHook hook, String message, @org.jspecify.annotations.Nullable ComponentId clicked) {
        if (clicked == null || clicked.args().size() < 2) {
            Replies.followUpNotice(hook, message);
            return;
        }
        var resume = ComponentId.of(TroubleshootCommand.KEY, "resume", clicked.args().get(0), clicked.args().get(1)).encode();
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

    /**
     * The step's button ids. Answers carry what the step asks (the probe and whether it verifies a
     * fix, the choice), so answering needs no recomputation of the step: the step number, checked
     * by the store, still refuses a stale click.
     */
    static TroubleshootMessages.Ids ids(Current current, java.util.List<String> runNodes) {
        String c = current.stored().id();
        int n = current.step().number();
        Ask ask = current.step().ask();
        String probe = ask instanceof Ask.RunProbe r ? r.probe() : "-";
        String afterFix = ask instanceof Ask.RunProbe r && r.afterFix() ? "1" : "0";
        String choice = ask instanceof Ask.Pick p ? p.choice().id() : "-";
        java.util.List<String> offered = runNodes.stream().filter(node -> runId(c, n, probe, node) != null).toList();
        return new TroubleshootMessages.Ids() {
            @Override public String paste() { return ComponentId.of(TroubleshootCommand.KEY, "paste", c, n, probe, afterFix).encode(); }
            @Override public String cannot() { return ComponentId.of(TroubleshootCommand.KEY, "cannot", c, n, probe).encode(); }
            @Override public String pick(String value) { return ComponentId.of(TroubleshootCommand.KEY, "pick", c, n, value, choice).encode(); }
            @Override public String back() { return ComponentId.of(TroubleshootCommand.KEY, "back", c, n).encode(); }
            @Override public String startOver() { return ComponentId.of(TroubleshootCommand.KEY, "over", c, n).encode(); }
            @Override public String stop() { return ComponentId.of(TroubleshootCommand.KEY, "stop", c, n).encode(); }
            @Override public String share() { return ComponentId.of(TroubleshootCommand.KEY, "share", c, n).encode(); }
            @Override public java.util.List<String> runNodes() { return offered; }
            @Override public String run(String node) { return runId(c, n, probe, node); }
        };
    }

    /** {@code ts:run:conversation:step:probe:node}; null when it would pass Discord's 100 characters. */
    static @Nullable String runId(String conversation, int step, String probe, String node) {
        try {
            return ComponentId.of(TroubleshootCommand.KEY, "run", conversation, step, probe, node).encode();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A probe a step button asked for did not run (refused, busy, failed): told privately, the step unchanged. */
    static final class ProbeNotRunException extends RuntimeException {
        ProbeNotRunException(String message) {
            super(message);
        }
    }

    /** The text a walk was to start from is gone: said in the reply, not as an error. */
    static final class ConversationGoneException extends RuntimeException {
        ConversationGoneException(String message) {
            super(message);
        }
    }
}
