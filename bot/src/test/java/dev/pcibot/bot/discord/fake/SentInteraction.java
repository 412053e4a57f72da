package dev.pcibot.bot.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * One interaction the fake dispatched, and everything the bot did about it: the acknowledgement
 * (callback), the reply the user sees, and every later call on its token.
 */
public final class SentInteraction {
    /** A guard against hangs, not a timing assertion: the deadline rules are checked by the fake itself. */
    static final Duration WAIT = Duration.ofSeconds(20);

    private final long id;
    private final String token;
    private final int type;
    private final ObjectNode payload;
    private final long dispatchNanos;
    private final Supplier<String> diagnostics;
    private final CompletableFuture<RecordedCall> ack = new CompletableFuture<>();
    private final CompletableFuture<Reply> reply = new CompletableFuture<>();
    private final List<RecordedCall> calls = new CopyOnWriteArrayList<>();
    private volatile int callbackType;
    private volatile long originalMessageId;

    SentInteraction(long id, String token, ObjectNode payload, long dispatchNanos, Supplier<String> diagnostics) {
        this.id = id;
        this.token = token;
        this.type = payload.path("type").asInt();
        this.payload = payload;
        this.dispatchNanos = dispatchNanos;
        this.diagnostics = diagnostics;
    }

    public long id() {
        return id;
    }

    public String token() {
        return token;
    }

    /** Interaction type: 2 command, 3 component, 4 autocomplete, 5 modal submit. */
    public int type() {
        return type;
    }

    /** The INTERACTION_CREATE data as dispatched. */
    public JsonNode payload() {
        return payload;
    }

    public long createdAtMillis() {
        return Snowflakes.createdAt(id);
    }

    long dispatchNanos() {
        return dispatchNanos;
    }

    /** The callback type the bot acknowledged with, 0 before it did. */
    public int callbackType() {
        return callbackType;
    }

    /** The id the fake gave the interaction's original response message, 0 if none yet. */
    public long originalMessageId() {
        return originalMessageId;
    }

    /** Every request made on this interaction's id or token, in arrival order. */
    public List<RecordedCall> calls() {
        return List.copyOf(calls);
    }

    /** Waits for the acknowledgement (the callback). */
    public RecordedCall awaitAck() {
        return await(ack, "an acknowledgement", WAIT);
    }

    /**
     * Waits for what the user sees: the callback itself when it carries a message, choices or a
     * modal; after a deferral, the first follow-up or edit of the original.
     */
    public Reply awaitReply() {
        return await(reply, "a reply", WAIT);
    }

    /** {@link #awaitReply()} with a longer guard, for benchmarks with work queued behind other work. */
    public Reply awaitReply(Duration timeout) {
        return await(reply, "a reply", timeout);
    }

    public boolean replied() {
        return reply.isDone();
    }

    /** Nanoseconds from dispatch to the acknowledgement; the ack must have arrived. */
    public long ackLatencyNanos() {
        return awaitAck().receivedNanos() - dispatchNanos;
    }

    /** Nanoseconds from dispatch to the reply; the reply must have arrived. */
    public long replyLatencyNanos() {
        return awaitReply().call().receivedNanos() - dispatchNanos;
    }

    void record(RecordedCall call) {
        calls.add(call);
    }

    /** Returns false when already acknowledged. */
    synchronized boolean acknowledge(int callback, RecordedCall call) {
        if (callbackType != 0) {
            return false;
        }
        callbackType = callback;
        ack.complete(call);
        return true;
    }

    void originalMessage(long messageId) {
        originalMessageId = messageId;
    }

    void replied(JsonNode message, boolean ephemeral, RecordedCall call) {
        reply.complete(new Reply(callbackType, message, ephemeral, call));
    }

    private <T> T await(CompletableFuture<T> future, String what, Duration timeout) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("no " + what.replaceFirst("^an? ", "") + " to interaction " + id + " (type " + type
                    + ") within " + timeout.toSeconds() + " s; calls on it: " + calls + "\n" + diagnostics.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for " + what, e);
        } catch (ExecutionException e) {
            throw new AssertionError(what + " failed", e.getCause());
        }
    }

    @Override
    public String toString() {
        return "interaction " + id + " type " + type;
    }
}
