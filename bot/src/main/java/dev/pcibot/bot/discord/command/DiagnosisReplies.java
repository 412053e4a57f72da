package dev.pcibot.bot.discord.command;

import dev.pcibot.bot.discord.Replies;
import dev.pcibot.bot.discord.ReplyVisibility;
import dev.pcibot.bot.discord.Workers;
import dev.pcibot.bot.discord.intake.AttachmentRejectedException;
import dev.pcibot.bot.discord.render.DiagnosisMessages;
import dev.pcibot.bot.discord.render.ReplyButtons;
import dev.pcibot.bot.ops.ServiceMetrics;
import dev.pcibot.bot.probe.ProbeFailure;
import dev.pcibot.bot.probe.ProbeRefusedException;
import dev.pcibot.bot.store.ReplyKind;
import dev.pcibot.bot.store.ReplyStore;
import dev.pcibot.bot.store.StoreException;
import dev.pcibot.bot.store.StoredReply;
import dev.pcibot.kb.diagnose.Diagnoser;
import dev.pcibot.kb.diagnose.Diagnosis;
import dev.pcibot.kb.diagnose.Finding;
import dev.pcibot.kb.diagnose.InputRejectedException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way a diagnosis is answered, whichever door it came through (slash command, form,
 * context menu, a probe run on a node): take a worker place or say busy, defer at once (public or ephemeral per channel),
 * diagnose on the worker, store the reply for its buttons, replace the "thinking…" with the result.
 */
@Singleton
final class DiagnosisReplies {
    /** The work: produce a diagnosis, or throw with a message for the user (a refused or failed probe too). */
    @FunctionalInterface
    interface Job {
        Diagnosed run() throws AttachmentRejectedException, ProbeFailure, ProbeRefusedException;
    }

    /**
     * A diagnosis and the text it was made from: kept for "Walk me through it", which starts a
     * conversation from the same facts; and, for a probe, the key of its kept raw output ("Show raw output").
     */
    record Diagnosed(Diagnosis diagnosis, String text, @org.jspecify.annotations.Nullable String rawKey) {
        Diagnosed(Diagnosis diagnosis, String text) {
            this(diagnosis, text, null);
        }

        static Diagnosed of(Diagnoser diagnoser, String text) {
            return new Diagnosed(diagnoser.diagnose(text), text);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(DiagnosisReplies.class);

    private final Workers workers;
    private final ReplyVisibility visibility;
    private final ReplyStore replies;
    private final Clock clock;
    /** Diagnoses answered in Discord, beside the HTTP ones, on /metrics (door {@code discord}). */
    @Inject ServiceMetrics metrics = ServiceMetrics.unregistered();

    DiagnosisReplies(Workers workers, ReplyVisibility visibility, ReplyStore replies) {
        this.workers = workers;
        this.visibility = visibility;
        this.replies = replies;
        this.clock = Clock.systemUTC();
    }

    /** @param source what is diagnosed, for the reader ("your paste", "attachment dmesg.txt") */
    void start(IReplyCallback event, String source, Job job) {
        start(event, source, 0, job);
    }

    /** @param authorId the author of the diagnosed message, who may delete the reply too (0: none) */
    void start(IReplyCallback event, String source, long authorId, Job job) {
        long user = event.getUser().getIdLong();
        Optional<String> busy = workers.tryReserve(user); // per user, so one user cannot hold every worker
        if (busy.isPresent()) {
            Replies.notice(event, busy.get());
            return;
        }
        InteractionHook hook = event.getHook();
        workers.afterAck(user, event.deferReply(visibility.ephemeral(event)), () -> finish(event, hook, source, authorId, job));
    }

    private void finish(IReplyCallback event, InteractionHook hook, String source, long authorId, Job job) {
        if (hook.isExpired()) {
            LOG.warn("Diagnosis dropped: it waited past the 15-minute interaction token");
            return; // nobody can be answered any more; do not spend the CPU
        }
        Diagnosed diagnosed;
        try {
            diagnosed = job.run();
        } catch (AttachmentRejectedException | InputRejectedException | ProbeFailure | ProbeRefusedException e) {
            Replies.finish(hook, e.getMessage());
            return;
        } catch (UncheckedIOException e) {
            // The size limit and download failures surface here from inside the diagnosis' reader.
            Replies.finish(hook, "I could not read all of " + source + ": " + e.getCause().getMessage());
            return;
        }
        Diagnosis diagnosis = metrics.diagnosis("discord", diagnosed.diagnosis());
        List<ActionRow> rows = new java.util.ArrayList<>(buttons(event, diagnosed, authorId));
        if (diagnosed.rawKey() != null) {
            rows.add(RawOutputButton.row(diagnosed.rawKey()));
        }
        Replies.finish(hook, DiagnosisMessages.render(diagnosis, source, rows));
    }

    private List<ActionRow> buttons(IReplyCallback event, Diagnosed diagnosed, long authorId) {
        long asker = event.getUser().getIdLong();
        Diagnosis diagnosis = diagnosed.diagnosis();
        try {
            List<String> ids = diagnosis.findings().stream().map(Finding::id).distinct().toList();
            StoredReply saved = replies.save(
                    ReplyKind.DIAGNOSIS,
                    event.getGuild() == null ? null : event.getGuild().getIdLong(),
                    event.getChannelIdLong(),
                    asker,
                    null,
                    List.of(ids),
                    clock.instant());
            return ReplyButtons.forDiagnosis(saved.id(), asker, authorId, keepSeed(saved.id(), diagnosed.text()));
        } catch (StoreException e) {
            LOG.warn("Reply not stored, sending it without feedback buttons: {}", e.getMessage());
            return ReplyButtons.deleteOnly(asker, authorId);
        }
    }

    /** Whether the text was kept, so the walk button can start from it. */
    private boolean keepSeed(long replyId, String text) {
        try {
            replies.saveSeed(replyId, text, clock.instant());
            return true;
        } catch (StoreException e) {
            LOG.warn("Diagnosed text not kept, sending the reply without 'Walk me through it': {}", e.getMessage());
            return false;
        }
    }
}
