package dev.pcibot.bot.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import mockwebserver3.MockWebServer;
import org.jspecify.annotations.Nullable;

/**
 * A Discord on 127.0.0.1 for the real JDA: REST at {@link #restBase()}, the JSON gateway at
 * {@link #gatewayUrl()}, attachments on a local CDN. Tests inject interactions with {@link #send},
 * read what the bot did from the returned {@link SentInteraction}, and end with
 * {@link #assertNoViolations()}: the fake enforces the 3-second acknowledgement, one callback per
 * interaction, the 15-minute token and every message limit, and records each breach.
 *
 * <pre>{@code
 * try (FakeDiscord discord = FakeDiscord.start()) {
 *     JDA jda = JDABuilder.createLight(discord.token())
 *             .setRestConfig(new RestConfig().setBaseUrl(discord.restBase()))
 *             .setSessionController(new ConcurrentSessionController() {
 *                 public String getGateway() { return discord.gatewayUrl(); } })
 *             .setCompression(Compression.NONE).build().awaitReady();
 *     Reply reply = discord.send(InteractionPayloads.slash("ask").option("question", "iommu")).awaitReply();
 * }
 * }</pre>
 */
public final class FakeDiscord implements AutoCloseable {
    /** Discord's rule: the first response within 3 s of the interaction. */
    public static final Duration ACK_DEADLINE = Duration.ofSeconds(3);
    private static final Duration CONNECT_WAIT = Duration.ofSeconds(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MockWebServer server;
    private final FakeRest rest;
    private final String token;
    private final List<Long> guildIds;
    private final Map<String, int[]> sessionShards = new java.util.concurrent.ConcurrentHashMap<>();

    private FakeDiscord(Duration ackDeadline, List<Long> guildIds) {
        this.guildIds = List.copyOf(guildIds);
        this.token = "fake-bot-token." + HexFormat.of().formatHex(RANDOM.generateSeed(8));
        this.server = new MockWebServer();
        this.rest = new FakeRest(token, ackDeadline, this::newGateway);
        server.setDispatcher(rest);
    }

    /** Starts on a free port of 127.0.0.1 with Discord's 3-second acknowledgement deadline. */
    public static FakeDiscord start() {
        return start(ACK_DEADLINE);
    }

    /** Starts with another acknowledgement deadline (a shorter one keeps the fake's own tests quick). */
    public static FakeDiscord start(Duration ackDeadline) {
        return start(ackDeadline, List.of(FakeWorld.GUILD_ID, FakeWorld.OTHER_GUILD_ID));
    }

    /**
     * Starts with the bot in these guilds (of {@link FakeWorld}), e.g. with
     * {@link FakeWorld#SECOND_SHARD_GUILD_ID} for the sharding tests.
     */
    public static FakeDiscord start(Duration ackDeadline, List<Long> guildIds) {
        FakeDiscord fake = new FakeDiscord(ackDeadline, guildIds);
        try {
            fake.server.start(InetAddress.getLoopbackAddress(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("fake Discord could not listen on 127.0.0.1", e);
        }
        fake.rest.origin("http://127.0.0.1:" + fake.server.getPort());
        return fake;
    }

    /** Whether the next RESUME is refused (op 9, not resumable): the session was ended by a close code. */
    private final java.util.concurrent.atomic.AtomicBoolean sessionEnded = new java.util.concurrent.atomic.AtomicBoolean();

    private FakeGateway newGateway() {
        return new FakeGateway(gatewayUrl(), guildIds, sessionShards,
                problem -> rest.violation("gateway", "gateway", problem), sessionEnded);
    }

    /**
     * Changes the acknowledgement deadline from now on (the fake's own test of late acks uses a short
     * one, so it need not wait 3 s).
     */
    public void ackDeadline(Duration deadline) {
        rest.ackDeadline(deadline);
    }

    /** The bot token this fake accepts (REST header {@code Bot <token>}). */
    public String token() {
        return token;
    }

    /** For {@code RestConfig#setBaseUrl} / {@code discord.rest-base-url}. */
    public String restBase() {
        return rest.origin() + FakeRest.API;
    }

    /** For the session controller's {@code getGateway()} / {@code discord.gateway-url}. */
    public String gatewayUrl() {
        return "ws://127.0.0.1:" + server.getPort() + "/gateway";
    }

    /** Waits until a client has identified on the gateway and received READY and both GUILD_CREATEs. */
    public void awaitConnected() {
        long deadline = System.nanoTime() + CONNECT_WAIT.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                FakeGateway gateway = rest.gateway();
                if (gateway != null && gateway.awaitIdentified(100, TimeUnit.MILLISECONDS)) {
                    if (!token.equals(gateway.identifyToken())) {
                        rest.violation("gateway", "IDENTIFY", "identified with another token");
                    }
                    return;
                }
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("no client identified on the fake gateway within " + CONNECT_WAIT.toSeconds()
                + " s; requests so far: " + rest.calls());
    }

    /**
     * Waits until {@code count} gateway sessions are open and identified (shards, or several
     * instances on one token), checking each identified with this fake's token; returns their
     * {@code [shard_id, num_shards]}, in connection order.
     */
    public List<int[]> awaitSessions(int count) {
        long deadline = System.nanoTime() + CONNECT_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<FakeGateway> live = rest.liveGateways();
            if (live.size() >= count) {
                for (FakeGateway gateway : live) {
                    if (!token.equals(gateway.identifyToken())) {
                        rest.violation("gateway", "IDENTIFY", "identified with another token");
                    }
                }
                return live.stream().map(FakeGateway::shard).toList();
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError(rest.liveGateways().size() + " of " + count + " gateway sessions identified within "
                + CONNECT_WAIT.toSeconds() + " s; requests so far: " + rest.calls());
    }

    /**
     * Sends op 7 RECONNECT and waits until the client has resumed on a new connection, which it
     * opens at READY's {@code resume_gateway_url}: this fake, never Discord.
     */
    public void reconnectAndAwaitResume() {
        FakeGateway old = rest.gateway();
        if (old == null) {
            throw new IllegalStateException("no gateway connection to move");
        }
        old.requestReconnect();
        long deadline = System.nanoTime() + CONNECT_WAIT.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                FakeGateway current = rest.gateway();
                if (current != null && current != old && current.awaitResumed(100, TimeUnit.MILLISECONDS)) {
                    return;
                }
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("the client did not resume on the fake gateway; requests: " + rest.calls());
    }

    /**
     * Closes the gateway connection with {@code closeCode} and waits until the client is back on a
     * new one: resumed (after a code that keeps the session, such as 4000) or identified anew (after
     * one that ends it, such as 4009 "session timed out"). Returns true when it resumed.
     */
    public boolean dropGatewayAndAwaitReturn(int closeCode) {
        FakeGateway old = rest.gateway();
        if (old == null) {
            throw new IllegalStateException("no gateway connection to drop");
        }
        // as Discord: after these the session is gone, and a RESUME is answered with op 9 INVALID_SESSION
        sessionEnded.set(closeCode == 4007 || closeCode == 4009);
        old.drop(closeCode);
        long deadline = System.nanoTime() + CONNECT_WAIT.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                FakeGateway current = rest.gateway();
                if (current != null && current != old) {
                    if (current.awaitResumed(50, TimeUnit.MILLISECONDS)) {
                        return true;
                    }
                    if (current.awaitIdentified(50, TimeUnit.MILLISECONDS)) {
                        return false;
                    }
                }
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("the client did not come back after close code " + closeCode + "; requests: "
                + rest.calls());
    }

    /**
     * Dispatches an INTERACTION_CREATE now. The id carries the current time (or the builder's
     * backdated time); the 3-second clock starts here.
     */
    public SentInteraction send(InteractionPayloads.Builder builder) {
        if (rest.gateway() == null) {
            throw new IllegalStateException("no gateway connection: start the bot and call awaitConnected() first");
        }
        long id = builder.createdAtMillis == null ? Snowflakes.next() : Snowflakes.at(builder.createdAtMillis);
        String interactionToken = "aW50ZXJhY3Rpb246" + id + ":" + HexFormat.of().formatHex(RANDOM.generateSeed(24));
        ObjectNode payload = builder.build(id, interactionToken, commandId(builder.commandName));
        SentInteraction interaction = new SentInteraction(id, interactionToken, payload, System.nanoTime(), this::diagnostics);
        rest.track(interaction);
        // Discord sends a guild's events to every session on the guild's shard: one per shard
        // normally, two when two processes identified with the same token and shard.
        Long guild = payload.hasNonNull("guild_id") ? Long.valueOf(payload.get("guild_id").asText()) : null;
        int delivered = 0;
        for (FakeGateway gateway : rest.liveGateways()) {
            if (gateway.serves(guild) && gateway.dispatch("INTERACTION_CREATE", payload)) {
                delivered++;
            }
        }
        if (delivered == 0) {
            throw new IllegalStateException("no open gateway session serves " + (guild == null ? "direct messages" : "guild " + guild)
                    + "; sessions (shard, total): " + rest.liveGateways().stream()
                    .map(g -> java.util.Arrays.toString(g.shard())).toList());
        }
        return interaction;
    }

    private long commandId(@Nullable String name) {
        if (name != null) {
            for (JsonNode scope : rest.commands().values()) {
                for (JsonNode command : scope) {
                    if (name.equals(Json.text(command, "name"))) {
                        return Long.parseLong(Json.text(command, "id"));
                    }
                }
            }
        }
        return Snowflakes.next(); // unregistered: Discord would not send it, but the gate must still cope
    }

    /**
     * Puts a file on the fake CDN and returns the attachment object Discord would put in an
     * interaction ({@code resolved.attachments}) or a message ({@code attachments}).
     */
    public ObjectNode attachment(String filename, String contentType, byte[] bytes) {
        long id = Snowflakes.next();
        String path = "/attachments/" + FakeWorld.CHANNEL_ID + "/" + id + "/" + filename;
        rest.serve(path, new FakeRest.ServedFile(contentType, bytes));
        ObjectNode attachment = Json.object();
        attachment.put("id", Long.toString(id));
        attachment.put("filename", filename);
        attachment.put("size", bytes.length);
        attachment.put("url", rest.origin() + path);
        attachment.put("proxy_url", rest.origin() + path);
        attachment.put("content_type", contentType);
        return attachment;
    }

    /**
     * What real Discord would refuse in this message body (a create), as {@code rule: detail}
     * lines, by the same checks the fake applies to what the bot sends: for renderer tests that
     * build messages without a running bot.
     */
    public static List<String> limitProblems(String messageJson) {
        return DiscordLimits.message(Json.parse(messageJson), List.of(), true).stream()
                .map(p -> p.rule() + ": " + p.detail())
                .toList();
    }

    /** Every request the bot made, in arrival order. */
    public List<RecordedCall> calls() {
        return rest.calls();
    }

    /**
     * Requests with this method whose route starts with {@code routePrefix}: API routes without
     * {@code /api/v10/} ("webhooks/"), other paths as they are ("/attachments/" for CDN downloads).
     */
    public List<RecordedCall> calls(String method, String routePrefix) {
        return rest.calls().stream()
                .filter(call -> call.method().equals(method) && call.route().startsWith(routePrefix))
                .toList();
    }

    /** Registered commands: scope "global" or a guild id, to the stored array (with ids). */
    public Map<String, JsonNode> commands() {
        return rest.commands();
    }

    /** Waits until commands were registered for {@code scope} ("global" or a guild id). */
    public JsonNode awaitCommands(String scope) {
        long deadline = System.nanoTime() + CONNECT_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode registered = rest.commands().get(scope);
            if (registered != null) {
                return registered;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("no commands registered for " + scope + "; registered: " + rest.commands().keySet()
                + "\n" + diagnostics());
    }

    /** A stored message (bot replies, follow-ups, channel messages), as a full Discord message object. */
    public Optional<ObjectNode> message(long id) {
        ObjectNode message = rest.message(id);
        return Optional.ofNullable(message == null ? null : message.deepCopy());
    }

    /** The interaction's original response message, as Discord would embed it in a button click. */
    public ObjectNode originalMessage(SentInteraction interaction) {
        interaction.awaitReply();
        return message(interaction.originalMessageId())
                .orElseThrow(() -> new AssertionError("no original message stored for " + interaction));
    }

    /**
     * Puts a message into the fake as if it had been sent before the fake started: a service
     * restarted mid-conversation meets the messages it posted before.
     */
    public void seed(ObjectNode message) {
        rest.seed(message);
    }

    /** The follow-up messages the bot sent for this interaction (ephemeral notices included), oldest first. */
    public java.util.List<ObjectNode> followUps(SentInteraction interaction) {
        interaction.awaitReply();
        return rest.followUps(interaction);
    }

    /** The threads the bot created in {@code parentId}, oldest first (for {@link InteractionPayloads.Builder#inThread}). */
    public List<ObjectNode> threadsIn(long parentId) {
        return rest.threadsIn(parentId);
    }

    /** The messages in a channel or thread, oldest first. */
    public List<ObjectNode> messagesIn(long channelId) {
        return rest.messagesIn(channelId);
    }

    public boolean isDeleted(long messageId) {
        return rest.isDeleted(messageId);
    }

    public List<Violation> violations() {
        return rest.violations();
    }

    /** Fails when the bot broke any rule; call it after every test. */
    public void assertNoViolations() {
        List<Violation> found = rest.violations();
        if (!found.isEmpty()) {
            throw new AssertionError(found.size() + " Discord rule violation(s):\n  "
                    + found.stream().map(Violation::toString).collect(Collectors.joining("\n  ")));
        }
    }

    /** Violations recorded since the fake started, for tests that provoke them on purpose; clears them. */
    public List<Violation> takeViolations() {
        return rest.takeViolations();
    }

    String diagnostics() {
        List<RecordedCall> calls = rest.calls();
        int from = Math.max(0, calls.size() - 15);
        return "last requests:\n  " + calls.subList(from, calls.size()).stream().map(RecordedCall::toString)
                .collect(Collectors.joining("\n  ")) + "\nviolations: " + rest.violations();
    }

    @Override
    public void close() {
        rest.liveGateways().forEach(FakeGateway::close);
        FakeGateway gateway = rest.gateway();
        if (gateway != null) {
            gateway.close();
        }
        server.close();
    }
}
