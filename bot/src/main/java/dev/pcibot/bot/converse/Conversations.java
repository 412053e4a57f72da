package dev.pcibot.bot.converse;

import dev.pcibot.kb.converse.Answer;
import dev.pcibot.kb.converse.Conversation;
import dev.pcibot.kb.converse.StaleStepException;
import dev.pcibot.kb.converse.Step;
import dev.pcibot.kb.converse.Troubleshooter;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Conversations as the doors use them: start, answer, back, start over, stop, resume, share. The
 * store holds the answers; the step is computed from them on every request, so a restart or another
 * instance changes nothing. Every change names the step it answers: a stale one is refused.
 */
@Singleton
public class Conversations {
    /** The owner of conversations started on the web page or the HTTP API: the id is their key. */
    public static final String WEB = "web";
    private static final Logger LOG = LoggerFactory.getLogger(Conversations.class);

    private final ConversationStore store;
    private final Troubleshooter troubleshooter;
    private final ConversationConfig config;
    private final Clock clock;

    public Conversations(ConversationStore store, Troubleshooter troubleshooter, ConversationConfig config,
            @jakarta.inject.Named("conversations") Clock clock) {
        this.store = store;
        this.troubleshooter = troubleshooter;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Starts a conversation, from a paste when one is given (its facts are kept as the first answer).
     *
     * @throws dev.pcibot.kb.diagnose.InputRejectedException when the paste cannot be diagnosed
     */
    public Current start(String owner, @Nullable Long guildId, @Nullable Long channelId, Conversation.Start start,
            @Nullable String paste) {
        Conversation conversation = Conversation.start(start);
        if (paste != null && !paste.isBlank()) {
            conversation = troubleshooter.answer(conversation, 1, new Answer.Pasted("", paste, false));
        }
        Instant now = clock.instant();
        StoredConversation stored = new StoredConversation(UUID.randomUUID().toString(), owner, guildId, channelId,
                null, conversation, false, null, null, now, now);
        store.create(stored);
        return current(stored);
    }

    public Current get(String id) {
        return current(load(id));
    }

    /** The user's open conversation in this channel, if any (one active per user per channel). */
    public Optional<Current> openIn(String owner, long channelId) {
        return store.findOpen(owner, channelId).map(this::current).filter(c -> !c.expired());
    }

    /**
     * The user's open conversation in this channel as stored, without computing its step (cheap
     * enough to ask before acknowledging an interaction); expired ones do not count.
     */
    public Optional<StoredConversation> openStored(String owner, long channelId) {
        return store.findOpen(owner, channelId).filter(s -> !expired(s));
    }

    /**
     * Whether {@code actor} may act on the conversation, read without computing its step: what a
     * button checks before it opens a form or posts a new message (both are first responses).
     *
     * @throws ConversationException 404 when there is no such conversation
     */
    public boolean mayAct(String id, String actor, boolean admin) {
        return admin || load(id).owner().equals(actor);
    }

    /** Notes the thread the conversation moved into (its step message is posted there). */
    public void movedTo(String id, long threadId) {
        store.setThread(id, threadId);
    }

    /** The conversation's current step, for its owner (or an admin) only: to show it again. */
    public Current show(String id, String actor, boolean admin) {
        return current(owned(id, actor, admin));
    }

    /**
     * Records the answer to step {@code stepNumber} and returns the next step.
     *
     * @param actor who answers; must be the owner unless {@code admin}
     * @throws StaleStepException when that step was answered already (a second click)
     */
    public Current answer(String id, String actor, boolean admin, int stepNumber, Answer answer) {
        StoredConversation stored = open(id, actor, admin);
        Conversation next = troubleshooter.answer(stored.conversation(), stepNumber, answer); // checks step, paste
        if (!store.append(id, stepNumber - 1, answer, clock.instant())) {
            throw new StaleStepException(stepNumber, stepNumber + 1); // another instance or click was first
        }
        return current(withConversation(stored, next));
    }

    public Current back(String id, String actor, boolean admin, int stepNumber) {
        StoredConversation stored = open(id, actor, admin);
        Conversation previous = troubleshooter.back(stored.conversation(), stepNumber);
        if (stored.conversation().answers().isEmpty()) {
            return current(stored);
        }
        if (!store.removeLast(id, stepNumber - 2, clock.instant())) {
            throw new StaleStepException(stepNumber, stored.conversation().stepNumber());
        }
        return current(withConversation(stored, previous));
    }

    public Current startOver(String id, String actor, boolean admin) {
        StoredConversation stored = open(id, actor, admin);
        store.clearAnswers(id, clock.instant());
        return current(withConversation(stored, Conversation.start(stored.conversation().start())));
    }

    public Current stop(String id, String actor, boolean admin) {
        StoredConversation stored = owned(id, actor, admin);
        store.stop(id, clock.instant());
        return current(load(id));
    }

    /** Makes a stopped or expired conversation take answers again. */
    public Current resume(String id, String actor, boolean admin) {
        owned(id, actor, admin);
        store.resume(id, clock.instant());
        return current(load(id));
    }

    public void delete(String id, String actor, boolean admin) {
        owned(id, actor, admin);
        store.delete(id);
    }

    /** A share id for the scrubbed report; the link works for {@code pcibot.conversations.share-for}. */
    public String share(String id, String actor, boolean admin) {
        owned(id, actor, admin);
        return store.share(id, UUID.randomUUID().toString(), clock.instant().plus(config.shareFor()));
    }

    /** The shared report, scrubbed, or 404 once its link has expired. */
    public String report(String shareId) {
        StoredConversation stored = store.findShared(shareId)
                .filter(s -> s.shareUntil() != null && s.shareUntil().isAfter(clock.instant()))
                .orElseThrow(() -> new ConversationException(404, "This report link has expired or never existed."
                        + " Ask the person who shared it for a new one."));
        return ReportScrubber.scrub(ConversationReport.markdown(current(stored).step()));
    }

    /** Deletes conversations idle past {@code delete-after}, hourly. */
    @Scheduled(fixedDelay = "1h", initialDelay = "5m")
    void deleteIdle() {
        int n = store.deleteIdleSince(clock.instant().minus(config.deleteAfter()));
        if (n > 0) {
            LOG.info("Deleted {} conversation(s) idle for more than {}", n, config.deleteAfter());
        }
    }

    private StoredConversation load(String id) {
        if (!isUuid(id)) {
            throw ConversationException.notFound();
        }
        return store.find(id).orElseThrow(ConversationException::notFound);
    }

    private StoredConversation owned(String id, String actor, boolean admin) {
        StoredConversation stored = load(id);
        if (!admin && !stored.owner().equals(actor)) {
            throw ConversationException.notYours();
        }
        return stored;
    }

    private StoredConversation open(String id, String actor, boolean admin) {
        StoredConversation stored = owned(id, actor, admin);
        if (stored.stopped()) {
            throw ConversationException.stopped();
        }
        if (expired(stored)) {
            throw ConversationException.expired(config.idleTimeout());
        }
        return stored;
    }

    private boolean expired(StoredConversation stored) {
        return stored.updatedAt().plus(config.idleTimeout()).isBefore(clock.instant());
    }

    private Current current(StoredConversation stored) {
        Step step = troubleshooter.step(stored.conversation());
        return new Current(stored, step, expired(stored));
    }

    private static StoredConversation withConversation(StoredConversation s, Conversation c) {
        return new StoredConversation(s.id(), s.owner(), s.guildId(), s.channelId(), s.threadId(), c, s.stopped(),
                s.shareId(), s.shareUntil(), s.createdAt(), s.updatedAt());
    }

    private static boolean isUuid(String id) {
        return id.length() == 36 && id.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }
}
