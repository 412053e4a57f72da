package dev.pcibot.bot.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * Discord's REST API as far as the bot uses it (discord-fake.md §1.7 and §3), plus the gateway
 * upgrade and a CDN for attachments. Every request is recorded; whatever real Discord would refuse
 * is answered with its JSON error and recorded as a {@link Violation}.
 */
final class FakeRest extends Dispatcher {
    static final String API = "/api/v10/";
    static final Duration TOKEN_LIFETIME = Duration.ofMinutes(15);
    private static final int EPHEMERAL = 64;
    private static final int LOADING = 128;
    private static final int SUPPRESS_EMBEDS = 4;

    private static final Pattern CALLBACK = Pattern.compile("interactions/(\\d+)/([^/]+)/callback");
    private static final Pattern FOLLOW_UP = Pattern.compile("webhooks/(\\d+)/([^/]+)");
    private static final Pattern WEBHOOK_MESSAGE = Pattern.compile("webhooks/(\\d+)/([^/]+)/messages/(@original|\\d+)");
    private static final Pattern GLOBAL_COMMANDS = Pattern.compile("applications/(\\d+)/commands");
    private static final Pattern GUILD_COMMANDS = Pattern.compile("applications/(\\d+)/guilds/(\\d+)/commands");
    private static final Pattern CHANNEL_MESSAGES = Pattern.compile("channels/(\\d+)/messages");
    private static final Pattern CHANNEL_MESSAGE = Pattern.compile("channels/(\\d+)/messages/(\\d+)");
    private static final Pattern CHANNEL_THREADS = Pattern.compile("channels/(\\d+)/threads");
    private static final int THREAD_NAME = 100;

    private final String token;
    private volatile Duration ackDeadline;
    private final Supplier<FakeGateway> newGateway;
    private final Map<Long, SentInteraction> byId = new ConcurrentHashMap<>();
    private final Map<String, SentInteraction> byToken = new ConcurrentHashMap<>();
    private final Map<Long, ObjectNode> messages = new ConcurrentHashMap<>();
    private final Map<Long, String> deleted = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> commands = new ConcurrentHashMap<>();
    private final Map<Long, ObjectNode> threads = new ConcurrentHashMap<>();
    private final Map<String, ServedFile> files = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<RecordedCall> calls = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Violation> violations = new ConcurrentLinkedQueue<>();
    private final AtomicInteger componentIds = new AtomicInteger(1000);
    private volatile @Nullable FakeGateway gateway;
    /** Every gateway connection ever opened, oldest first (several sessions: shards, instances). */
    private final java.util.concurrent.CopyOnWriteArrayList<FakeGateway> gateways = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile String origin = "http://127.0.0.1";

    /** A file on the fake CDN. */
    record ServedFile(String contentType, byte[] bytes) {}

    FakeRest(String token, Duration ackDeadline, Supplier<FakeGateway> newGateway) {
        this.token = token;
        this.ackDeadline = ackDeadline;
        this.newGateway = newGateway;
    }

    // ---- state the facade reads -------------------------------------------------------------

    void track(SentInteraction interaction) {
        byId.put(interaction.id(), interaction);
        byToken.put(interaction.token(), interaction);
    }

    void ackDeadline(Duration deadline) {
        ackDeadline = deadline;
    }

    @Nullable FakeGateway gateway() {
        return gateway;
    }

    /** The open, identified connections now. */
    List<FakeGateway> liveGateways() {
        return gateways.stream().filter(g -> g.isOpen() && g.isIdentified()).toList();
    }

    List<RecordedCall> calls() {
        return List.copyOf(calls);
    }

    List<Violation> violations() {
        return List.copyOf(violations);
    }

    List<Violation> takeViolations() {
        List<Violation> taken = new ArrayList<>();
        for (Violation violation = violations.poll(); violation != null; violation = violations.poll()) {
            taken.add(violation);
        }
        return taken;
    }

    void violation(String rule, String request, String detail) {
        violations.add(new Violation(rule, request, detail));
    }

    @Nullable ObjectNode message(long id) {
        return messages.get(id);
    }

    void seed(ObjectNode message) {
        messages.put(Long.parseLong(message.path("id").asText()), message.deepCopy());
    }

    /** Messages sent through this interaction's webhook other than its original response, oldest first. */
    java.util.List<ObjectNode> followUps(SentInteraction interaction) {
        return messages.entrySet().stream()
                .filter(e -> e.getKey() != interaction.originalMessageId())
                .filter(e -> e.getValue().path("interaction_metadata").path("id").asText().equals(Long.toString(interaction.id())))
                .sorted(java.util.Map.Entry.comparingByKey())
                .map(java.util.Map.Entry::getValue)
                .toList();
    }

    boolean isDeleted(long id) {
        return deleted.containsKey(id);
    }

    /** Registered commands by scope ("global" or the guild id), as the bot sent them. */
    Map<String, JsonNode> commands() {
        return Map.copyOf(commands);
    }

    /** Where the server listens, e.g. {@code http://127.0.0.1:40123}: attachment URLs are absolute. */
    void origin(String serverOrigin) {
        origin = serverOrigin;
    }

    String origin() {
        return origin;
    }

    void serve(String path, ServedFile file) {
        files.put(path, file);
    }

    // ---- routing ----------------------------------------------------------------------------

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        try {
            return handle(request);
        } catch (RuntimeException | Error e) {
            // a bug in the fake must fail the test, not leave the bot waiting for an answer
            violation("fake-error", request.getRequestLine(), e.toString());
            return new MockResponse.Builder().code(400) // not 5xx: JDA would retry it four times
                    .setHeader("Content-Type", "application/json")
                    .body(Json.write(Json.object().put("code", 0).put("message", "fake error: " + e))).build();
        }
    }

    private MockResponse handle(RecordedRequest request) {
        long received = System.nanoTime();
        String path = request.getUrl().encodedPath();
        String query = request.getUrl().encodedQuery() == null ? "" : request.getUrl().encodedQuery();
        if (path.equals("/gateway")) {
            FakeGateway next = newGateway.get();
            gateway = next;
            gateways.add(next);
            return new MockResponse.Builder().webSocketUpgrade(next).build();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        request.getHeaders().names().forEach(name ->
                headers.put(name.toLowerCase(Locale.ROOT), String.valueOf(request.getHeaders().get(name))));
        RecordedCall call;
        try {
            call = read(request, path, query, headers, received);
        } catch (RuntimeException e) {
            call = new RecordedCall(request.getMethod(), path, query, headers, "", null, List.of(), received, 400);
            calls.add(call);
            return answer(call, error(400, 50109, "The request body contains invalid JSON."),
                    "invalid-body", e.toString()).response();
        }
        Answer answer = path.startsWith(API) ? route(call) : cdn(call);
        RecordedCall done = call.withStatus(answer.status);
        calls.add(done);
        if (answer.interaction != null) {
            answer.interaction.record(done);
            if (answer.reply != null) {
                answer.interaction.replied(answer.reply, ephemeral(answer), done);
            }
        }
        return answer.response();
    }

    /**
     * Whether the user's reply is only visible to them: an edit after a deferral carries no flags,
     * the message it edits does (follow-ups and edits are answered with the stored message).
     */
    private boolean ephemeral(Answer answer) {
        JsonNode message = answer.reply;
        if (answer.status == 200) {
            message = Json.parse(answer.body);
        } else if (answer.interaction != null && answer.interaction.callbackType() == 7) {
            ObjectNode updated = messages.get(answer.interaction.originalMessageId());
            message = updated != null ? updated : message;
        }
        return message != null && (message.path("flags").asInt(0) & EPHEMERAL) != 0;
    }

    private RecordedCall read(RecordedRequest request, String path, String query, Map<String, String> headers, long received) {
        String route = path.startsWith(API) ? path.substring(API.length()) : path;
        okio.ByteString raw = request.getBody() == null ? okio.ByteString.EMPTY : request.getBody();
        MultipartBody multipart = MultipartBody.parse(headers.get("content-type"), raw);
        String body = multipart != null ? multipart.payloadJson() : raw.utf8();
        JsonNode json = body.isBlank() ? null : Json.parse(body);
        return new RecordedCall(request.getMethod(), route, query, headers, body, json,
                multipart != null ? multipart.files() : List.of(), received, 0);
    }

    private Answer route(RecordedCall call) {
        String route = call.route();
        String method = call.method();
        Matcher m;
        if ((m = CALLBACK.matcher(route)).matches() && method.equals("POST")) {
            return callback(call, Long.parseLong(m.group(1)), m.group(2));
        }
        if ((m = WEBHOOK_MESSAGE.matcher(route)).matches()) {
            return webhookMessage(call, m.group(1), m.group(2), m.group(3));
        }
        if ((m = FOLLOW_UP.matcher(route)).matches() && method.equals("POST")) {
            return followUp(call, m.group(1), m.group(2));
        }
        if (!authorized(call)) {
            return answer(call, error(401, 0, "401: Unauthorized"), "unauthorized",
                    "authorization header is not 'Bot <token>'");
        }
        if (route.equals("users/@me") && method.equals("GET")) {
            return ok(FakeWorld.user(FakeWorld.BOT_ID).put("verified", true).put("mfa_enabled", false).put("flags", 0));
        }
        if (route.equals("gateway/bot") || route.equals("gateway")) {
            ObjectNode gatewayInfo = Json.object().put("url", "ws://" + call.headers().getOrDefault("host", "127.0.0.1") + "/gateway");
            gatewayInfo.put("shards", 1);
            gatewayInfo.putObject("session_start_limit").put("total", 1000).put("remaining", 1000)
                    .put("reset_after", 0).put("max_concurrency", 1);
            return ok(gatewayInfo);
        }
        if ((m = GUILD_COMMANDS.matcher(route)).matches()) {
            return commands(call, m.group(1), m.group(2));
        }
        if ((m = GLOBAL_COMMANDS.matcher(route)).matches()) {
            return commands(call, m.group(1), "global");
        }
        if ((m = CHANNEL_MESSAGE.matcher(route)).matches()) {
            return existingMessage(call, null, Long.parseLong(m.group(2)), Long.parseLong(m.group(1)));
        }
        if ((m = CHANNEL_MESSAGES.matcher(route)).matches() && method.equals("POST")) {
            return channelMessage(call, Long.parseLong(m.group(1)));
        }
        if ((m = CHANNEL_THREADS.matcher(route)).matches() && method.equals("POST")) {
            return newThread(call, Long.parseLong(m.group(1)));
        }
        return answer(call, error(404, 0, "404: Not Found"), "unhandled-route",
                "the fake does not serve this route; real Discord may, but the bot was not expected to call it");
    }

    private boolean authorized(RecordedCall call) {
        return ("Bot " + token).equals(call.headers().get("authorization"));
    }

    // ---- interactions -----------------------------------------------------------------------

    private Answer callback(RecordedCall call, long id, String interactionToken) {
        SentInteraction interaction = byId.get(id);
        if (interaction == null || !interaction.token().equals(interactionToken)) {
            return answer(call, error(404, 10062, "Unknown interaction"), "unknown-interaction", "no such interaction id/token");
        }
        long elapsed = call.receivedNanos() - interaction.dispatchNanos();
        if (elapsed > ackDeadline.toNanos()) {
            return answer(call, interaction, error(404, 10062, "Unknown interaction"), "ack-deadline",
                    "acknowledged " + elapsed / 1_000_000 + " ms after dispatch; Discord allows " + ackDeadline.toMillis() + " ms");
        }
        if (interaction.callbackType() != 0) {
            return answer(call, interaction, error(400, 40060, "Interaction has already been acknowledged."),
                    "double-ack", "already acknowledged with type " + interaction.callbackType());
        }
        JsonNode json = call.json();
        int type = json == null ? 0 : json.path("type").asInt();
        JsonNode data = json == null ? Json.object() : json.path("data");
        String misuse = callbackMisuse(interaction.type(), type);
        if (misuse != null) {
            return answer(call, interaction, error(400, 50035, "Invalid Form Body"), "callback-type", misuse);
        }
        List<DiscordLimits.Problem> problems = switch (type) {
            case 4, 7 -> DiscordLimits.message(data, call.files(), type == 4);
            case 8 -> DiscordLimits.autocomplete(data);
            case 9 -> DiscordLimits.modal(data);
            default -> List.of();
        };
        if (!problems.isEmpty()) {
            return rejected(call, interaction, problems);
        }
        if (!interaction.acknowledge(type, call)) {
            return answer(call, interaction, error(400, 40060, "Interaction has already been acknowledged."),
                    "double-ack", "two callbacks raced");
        }
        JsonNode reply = null;
        switch (type) {
            case 4 -> {
                ObjectNode message = newMessage(channelOf(interaction), data, call.files(), interaction);
                interaction.originalMessage(messageId(message));
                reply = data;
            }
            case 5 -> {
                ObjectNode placeholder = Json.object().put("content", "").put("flags", data.path("flags").asInt(0) | LOADING);
                interaction.originalMessage(messageId(newMessage(channelOf(interaction), placeholder, List.of(), interaction)));
            }
            case 6 -> interaction.originalMessage(componentMessageId(interaction));
            case 7 -> {
                long target = componentMessageId(interaction);
                interaction.originalMessage(target);
                ObjectNode existing = messages.get(target);
                if (existing != null) {
                    edit(existing, data, call.files());
                }
                reply = data;
            }
            case 8, 9 -> reply = data;
            default -> { }
        }
        return new Answer(204, "", interaction, reply);
    }

    /** Which callback types Discord accepts for which interaction types. */
    private static @Nullable String callbackMisuse(int interactionType, int callbackType) {
        boolean allowed = switch (callbackType) {
            case 4, 5 -> interactionType == 2 || interactionType == 3 || interactionType == 5;
            case 6, 7 -> interactionType == 3 || interactionType == 5;
            case 8 -> interactionType == 4;
            case 9 -> interactionType == 2 || interactionType == 3;
            default -> false;
        };
        return allowed ? null : "callback type " + callbackType + " is not valid for interaction type " + interactionType;
    }

    private long componentMessageId(SentInteraction interaction) {
        String id = Json.text(interaction.payload().path("message"), "id");
        return id.isEmpty() ? 0 : Long.parseLong(id);
    }

    private static long channelOf(SentInteraction interaction) {
        return Long.parseLong(Json.text(interaction.payload(), "channel_id"));
    }

    private @Nullable SentInteraction webhookInteraction(String app, String webhookToken) {
        return app.equals(Long.toString(FakeWorld.APPLICATION_ID)) ? byToken.get(webhookToken) : null;
    }

    private @Nullable Answer webhookRefusal(RecordedCall call, @Nullable SentInteraction interaction) {
        if (interaction == null) {
            return answer(call, error(404, 10015, "Unknown Webhook"), "unknown-webhook", "no interaction with this token");
        }
        long age = System.currentTimeMillis() - interaction.createdAtMillis();
        if (age > TOKEN_LIFETIME.toMillis()) {
            return answer(call, interaction, error(401, 50027, "Invalid Webhook Token"), "token-expired",
                    "interaction token used " + age / 1000 + " s after creation; it lives 15 min");
        }
        if (interaction.callbackType() == 0) {
            return answer(call, interaction, error(404, 10015, "Unknown Webhook"), "webhook-before-ack",
                    "follow-up or edit before the interaction was acknowledged");
        }
        return null;
    }

    private Answer followUp(RecordedCall call, String app, String webhookToken) {
        SentInteraction interaction = webhookInteraction(app, webhookToken);
        Answer refusal = webhookRefusal(call, interaction);
        if (refusal != null || interaction == null) {
            return refusal;
        }
        JsonNode data = call.json() == null ? Json.object() : call.json();
        List<DiscordLimits.Problem> problems = DiscordLimits.message(data, call.files(), true);
        if (!problems.isEmpty()) {
            return rejected(call, interaction, problems);
        }
        ObjectNode message = newMessage(channelOf(interaction), data, call.files(), interaction);
        return new Answer(200, Json.write(message), interaction, interaction.replied() ? null : data);
    }

    private Answer webhookMessage(RecordedCall call, String app, String webhookToken, String which) {
        SentInteraction interaction = webhookInteraction(app, webhookToken);
        Answer refusal = webhookRefusal(call, interaction);
        if (refusal != null || interaction == null) {
            return refusal;
        }
        long id = which.equals("@original") ? interaction.originalMessageId() : Long.parseLong(which);
        return existingMessage(call, interaction, id, channelOf(interaction));
    }

    // ---- messages ---------------------------------------------------------------------------

    private Answer channelMessage(RecordedCall call, long channelId) {
        JsonNode data = call.json() == null ? Json.object() : call.json();
        List<DiscordLimits.Problem> problems = DiscordLimits.message(data, call.files(), true);
        if (!problems.isEmpty()) {
            return rejected(call, null, problems);
        }
        return ok(newMessage(channelId, data, call.files(), null));
    }

    /**
     * {@code POST channels/{id}/threads} without a message: a public thread, where only the served
     * guild's {@link FakeWorld#THREADS_CHANNEL_ID} lets the bot create one (as its overwrite says).
     */
    private Answer newThread(RecordedCall call, long parentId) {
        JsonNode data = call.json() == null ? Json.object() : call.json();
        if (parentId != FakeWorld.THREADS_CHANNEL_ID) {
            return answer(call, error(403, 50013, "Missing Permissions"), "missing-permissions",
                    "the bot may not create threads in channel " + parentId);
        }
        String name = Json.text(data, "name");
        if (name.isEmpty() || DiscordLimits.length(name) > THREAD_NAME) {
            return answer(call, error(400, 50035, "Invalid Form Body"), "thread-name",
                    "name length " + DiscordLimits.length(name) + " not in 1.." + THREAD_NAME);
        }
        if (data.path("type").asInt(11) != 11) {
            return answer(call, error(400, 50035, "Invalid Form Body"), "thread-type", "only public threads (11) expected");
        }
        ObjectNode thread = FakeWorld.thread(Snowflakes.next(), parentId, name);
        threads.put(Long.parseLong(Json.text(thread, "id")), thread);
        return ok(thread);
    }

    /** Threads the bot created in {@code parentId}, oldest first. */
    List<ObjectNode> threadsIn(long parentId) {
        return threads.values().stream()
                .filter(t -> Json.text(t, "parent_id").equals(Long.toString(parentId)))
                .sorted(java.util.Comparator.comparing(t -> Long.parseLong(Json.text(t, "id"))))
                .map(ObjectNode::deepCopy)
                .toList();
    }

    /** Messages in a channel (or thread), oldest first. */
    List<ObjectNode> messagesIn(long channelId) {
        return messages.values().stream()
                .filter(message -> Json.text(message, "channel_id").equals(Long.toString(channelId)))
                .sorted(java.util.Comparator.comparing(message -> Long.parseLong(Json.text(message, "id"))))
                .map(ObjectNode::deepCopy)
                .toList();
    }

    /** GET, PATCH or DELETE of a stored message, through a channel route or an interaction's webhook. */
    private Answer existingMessage(RecordedCall call, @Nullable SentInteraction interaction, long id, long channelId) {
        ObjectNode message = messages.get(id);
        if (message == null || !Json.text(message, "channel_id").equals(Long.toString(channelId))) {
            return answer(call, interaction, error(404, 10008, "Unknown Message"), "unknown-message",
                    deleted.containsKey(id) ? "message " + id + " was deleted" : "no message " + id + " in channel " + channelId);
        }
        switch (call.method()) {
            case "GET" -> {
                return new Answer(200, Json.write(message), interaction, null);
            }
            case "DELETE" -> {
                messages.remove(id);
                deleted.put(id, call.requestLine());
                return new Answer(204, "", interaction, null);
            }
            case "PATCH" -> {
                JsonNode data = call.json() == null ? Json.object() : call.json();
                List<DiscordLimits.Problem> problems = new ArrayList<>(DiscordLimits.message(data, call.files(), false));
                boolean wasV2 = (message.path("flags").asInt(0) & DiscordLimits.IS_COMPONENTS_V2) != 0;
                boolean staysV2 = (data.path("flags").asInt(0) & DiscordLimits.IS_COMPONENTS_V2) != 0;
                if (wasV2 && !Json.text(data, "content").isEmpty()) {
                    // the flag cannot be taken off a message, so a V2 message never gets content again
                    problems.add(new DiscordLimits.Problem("components-v2", "content sent to edit a V2 message"));
                } else if (wasV2 && !staysV2 && data.has("components")) {
                    problems.add(new DiscordLimits.Problem("components-v2", "a V2 message edited without the V2 flag"));
                }
                if (!problems.isEmpty()) {
                    return rejected(call, interaction, problems);
                }
                ObjectNode edited;
                synchronized (message) {
                    edit(message, data, call.files());
                    edited = message.deepCopy();
                }
                boolean firstReply = interaction != null && !interaction.replied()
                        && (interaction.callbackType() == 5 || interaction.callbackType() == 6);
                return new Answer(200, Json.write(edited), interaction, firstReply ? data : null);
            }
            default -> {
                return answer(call, interaction, error(405, 0, "405: Method Not Allowed"), "unhandled-route", "method not supported");
            }
        }
    }

    /** Stores a full message object the way Discord returns it (JDA parses the response). */
    private ObjectNode newMessage(long channelId, JsonNode data, List<UploadedFile> uploads, @Nullable SentInteraction interaction) {
        long id = Snowflakes.next();
        ObjectNode message = Json.object();
        message.put("id", Long.toString(id));
        message.put("type", messageType(interaction));
        message.put("channel_id", Long.toString(channelId));
        if (interaction == null || interaction.payload().has("guild_id")) {
            message.put("guild_id", Long.toString(FakeWorld.guildOf(channelId)));
        }
        message.set("author", FakeWorld.user(FakeWorld.BOT_ID));
        message.put("content", Json.text(data, "content"));
        message.put("timestamp", Instant.now().toString());
        message.putNull("edited_timestamp");
        message.put("tts", false);
        message.put("mention_everyone", false);
        message.putArray("mentions");
        message.putArray("mention_roles");
        message.put("pinned", false);
        message.put("flags", data.path("flags").asInt(0));
        message.set("embeds", embeds(data.path("embeds")));
        message.set("components", components(data.path("components")));
        message.set("attachments", attachments(id, channelId, Json.array(), uploads));
        if (interaction != null) {
            message.put("webhook_id", Long.toString(FakeWorld.APPLICATION_ID));
            message.put("application_id", Long.toString(FakeWorld.APPLICATION_ID));
            ObjectNode metadata = message.putObject("interaction_metadata");
            metadata.put("id", Long.toString(interaction.id()));
            metadata.put("type", interaction.type());
            JsonNode member = interaction.payload().path("member");
            JsonNode user = member.has("user") ? member.path("user") : interaction.payload().path("user");
            metadata.set("user", user.deepCopy());
            metadata.set("authorizing_integration_owners", interaction.payload().path("authorizing_integration_owners").deepCopy());
            String commandName = Json.text(interaction.payload().path("data"), "name");
            if (!commandName.isEmpty()) {
                metadata.put("name", commandName);
            }
        }
        messages.put(id, message);
        return message;
    }

    private static int messageType(@Nullable SentInteraction interaction) {
        if (interaction == null || interaction.type() != 2) {
            return 0;
        }
        // 20 = reply to a slash command, 23 = reply to a context-menu command
        return interaction.payload().path("data").path("type").asInt(1) == 1 ? 20 : 23;
    }

    private void edit(ObjectNode message, JsonNode data, List<UploadedFile> uploads) {
        if (data.has("content")) {
            message.put("content", Json.text(data, "content"));
        }
        if (data.has("embeds")) {
            message.set("embeds", embeds(data.path("embeds")));
        }
        if (data.has("components")) {
            message.set("components", components(data.path("components")));
        }
        // An edit may only toggle SUPPRESS_EMBEDS (and switch to components V2); EPHEMERAL stays as the
        // deferral or first reply set it, and LOADING ("thinking…") ends with the first edit.
        int editable = SUPPRESS_EMBEDS | DiscordLimits.IS_COMPONENTS_V2;
        int unchanged = message.path("flags").asInt(0) & ~LOADING & ~editable;
        message.put("flags", unchanged | (data.path("flags").asInt(0) & editable));
        if (data.has("attachments") || !uploads.isEmpty()) {
            ArrayNode kept = Json.array();
            for (JsonNode old : message.path("attachments")) {
                for (JsonNode keep : data.path("attachments")) {
                    if (Json.text(keep, "id").equals(Json.text(old, "id"))) {
                        kept.add(old);
                    }
                }
            }
            message.set("attachments", attachments(Long.parseLong(Json.text(message, "id")),
                    Long.parseLong(Json.text(message, "channel_id")), kept, uploads));
        }
        message.put("edited_timestamp", Instant.now().toString());
    }

    private static ArrayNode embeds(JsonNode sent) {
        ArrayNode embeds = Json.array();
        for (JsonNode embed : sent) {
            ObjectNode copy = embed.deepCopy();
            if (!copy.has("type")) {
                copy.put("type", "rich"); // Discord adds it; JDA refuses embeds without it
            }
            embeds.add(copy);
        }
        return embeds;
    }

    /** Discord numbers every component that has no id; JDA 6 reads the numbers back. */
    private ArrayNode components(JsonNode sent) {
        ArrayNode components = sent.isArray() ? ((ArrayNode) sent).deepCopy() : Json.array();
        for (JsonNode component : components.findParents("type")) {
            if (!component.has("id") && component instanceof ObjectNode node) {
                node.put("id", componentIds.incrementAndGet());
            }
        }
        return components;
    }

    private ArrayNode attachments(long messageId, long channelId, ArrayNode kept, List<UploadedFile> uploads) {
        for (UploadedFile upload : uploads) {
            long attachmentId = Snowflakes.next();
            String path = "/attachments/" + channelId + "/" + attachmentId + "/" + upload.filename();
            serve(path, new ServedFile(upload.contentType(), upload.bytes()));
            kept.add(Json.object()
                    .put("id", Long.toString(attachmentId))
                    .put("filename", upload.filename())
                    .put("size", upload.bytes().length)
                    .put("url", origin + path)
                    .put("proxy_url", origin + path)
                    .put("content_type", upload.contentType()));
        }
        return kept;
    }

    private static long messageId(ObjectNode message) {
        return Long.parseLong(Json.text(message, "id"));
    }

    // ---- commands and CDN -------------------------------------------------------------------

    private Answer commands(RecordedCall call, String app, String scope) {
        if (!app.equals(Long.toString(FakeWorld.APPLICATION_ID))) {
            return answer(call, error(403, 50001, "Missing Access"), "wrong-application", "application " + app);
        }
        switch (call.method()) {
            case "GET" -> {
                return ok(commands.getOrDefault(scope, Json.array()));
            }
            case "PUT" -> {
                JsonNode sent = call.json() == null ? Json.array() : call.json();
                List<DiscordLimits.Problem> problems = DiscordLimits.commands(sent);
                if (!problems.isEmpty()) {
                    return rejected(call, null, problems);
                }
                ArrayNode stored = Json.array();
                for (JsonNode command : sent) {
                    ObjectNode copy = command.deepCopy();
                    long id = Snowflakes.next();
                    copy.put("id", Long.toString(id));
                    copy.put("application_id", app);
                    copy.put("version", Long.toString(id));
                    if (!scope.equals("global")) {
                        copy.put("guild_id", scope);
                    }
                    if (!copy.has("type")) {
                        copy.put("type", 1);
                    }
                    stored.add(copy);
                }
                commands.put(scope, stored);
                return ok(stored);
            }
            default -> {
                return answer(call, error(405, 0, "405: Method Not Allowed"), "unhandled-route", "method not supported");
            }
        }
    }

    /** Attachment downloads: like Discord's CDN, no authorization, and the bot must not send its token there. */
    private Answer cdn(RecordedCall call) {
        String authorization = call.headers().getOrDefault("authorization", "");
        if (authorization.contains(token)) {
            violation("token-leak", call.requestLine(), "the bot token was sent to the attachment CDN");
        }
        ServedFile file = files.get(call.route());
        if (file == null || !call.method().equals("GET")) {
            return answer(call, error(404, 0, "404: Not Found"), "unhandled-route", "no such file on the fake CDN");
        }
        return new Answer(200, "", null, null, file);
    }

    // ---- answers ----------------------------------------------------------------------------

    private Answer rejected(RecordedCall call, @Nullable SentInteraction interaction, List<DiscordLimits.Problem> problems) {
        for (DiscordLimits.Problem problem : problems) {
            violation(problem.rule(), call.requestLine(), problem.detail());
        }
        String summary = problems.stream().map(p -> p.rule() + ": " + p.detail()).reduce((a, b) -> a + "; " + b).orElse("");
        int code = problems.stream().allMatch(p -> p.rule().equals("empty-message")) ? 50006 : 50035;
        return new Answer(400, error(400, code, code == 50006 ? "Cannot send an empty message" : "Invalid Form Body: " + summary).body,
                interaction, null);
    }

    private Answer answer(RecordedCall call, Answer error, String rule, String detail) {
        return answer(call, null, error, rule, detail);
    }

    private Answer answer(RecordedCall call, @Nullable SentInteraction interaction, Answer error, String rule, String detail) {
        violation(rule, call.requestLine(), detail);
        return new Answer(error.status, error.body, interaction, null);
    }

    private static Answer error(int status, int code, String message) {
        return new Answer(status, Json.write(Json.object().put("code", code).put("message", message)), null, null);
    }

    private static Answer ok(JsonNode body) {
        return new Answer(200, Json.write(body), null, null);
    }

    /** What to send back, and which interaction (and reply) it belongs to. */
    private record Answer(int status, String body, @Nullable SentInteraction interaction, @Nullable JsonNode reply,
                          @Nullable ServedFile file) {
        Answer(int status, String body, @Nullable SentInteraction interaction, @Nullable JsonNode reply) {
            this(status, body, interaction, reply, null);
        }

        MockResponse response() {
            MockResponse.Builder builder = new MockResponse.Builder().code(status);
            if (file != null) {
                return builder.setHeader("Content-Type", file.contentType())
                        .body(new Buffer().write(file.bytes())).build();
            }
            if (status == 204) {
                return builder.build();
            }
            return builder.setHeader("Content-Type", "application/json").body(body).build();
        }
    }
}
