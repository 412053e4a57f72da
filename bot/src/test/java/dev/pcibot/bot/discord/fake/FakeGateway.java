package dev.pcibot.bot.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.jspecify.annotations.Nullable;

/**
 * The JSON gateway, one instance per WebSocket connection: HELLO on open, READY and one GUILD_CREATE
 * per guild after IDENTIFY (which JDA sends before it has even read HELLO), ACK for each heartbeat,
 * and dispatches on demand. Text frames only: JDA cannot read a binary frame without compression.
 *
 * <p>Sharding as Discord does it: IDENTIFY's {@code shard: [shard_id, num_shards]} (absent means
 * {@code [0, 1]}) picks the guilds this connection gets, those with {@code (guild_id >> 22) %
 * num_shards == shard_id}, in READY and GUILD_CREATE and for every later guild event
 * ({@link #serves}); direct messages go to shard 0 only. A RESUME carries no shard: the session
 * id finds the shard it was identified with.
 */
final class FakeGateway extends WebSocketListener {
    static final int HEARTBEAT_INTERVAL_MILLIS = 41_250;

    private final String resumeUrl;
    private final List<Long> guildIds;
    private final Map<String, int[]> sessionShards;
    private final Consumer<String> violations;
    private final AtomicInteger sequence = new AtomicInteger();
    private final CountDownLatch ready = new CountDownLatch(1);
    private final CountDownLatch resumed = new CountDownLatch(1);
    private volatile @Nullable WebSocket socket;
    private volatile @Nullable String identifyToken;
    private volatile int shardId;
    private volatile int shardTotal = 1;

    private final AtomicBoolean sessionEnded;

    FakeGateway(String resumeUrl, List<Long> guildIds, Map<String, int[]> sessionShards, Consumer<String> violations,
            AtomicBoolean sessionEnded) {
        this.sessionEnded = sessionEnded;
        this.resumeUrl = resumeUrl;
        this.guildIds = guildIds;
        this.sessionShards = sessionShards;
        this.violations = violations;
    }

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
        socket = webSocket;
        ObjectNode hello = Json.object();
        hello.put("op", 10);
        hello.putObject("d").put("heartbeat_interval", HEARTBEAT_INTERVAL_MILLIS);
        hello.putNull("s");
        hello.putNull("t");
        webSocket.send(Json.write(hello));
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
        JsonNode frame = Json.parse(text);
        int op = frame.path("op").asInt(-1);
        switch (op) {
            case 1 -> { // heartbeat: JDA reconnects after two missed ACKs
                ObjectNode ack = Json.object();
                ack.put("op", 11);
                webSocket.send(Json.write(ack));
            }
            case 2 -> identify(frame.path("d"));
            case 3, 4 -> { } // presence and voice state updates: nothing to answer
            case 6 -> {
                if (sessionEnded.getAndSet(false)) {
                    ObjectNode invalid = Json.object(); // the client must IDENTIFY anew
                    invalid.put("op", 9);
                    invalid.put("d", false);
                    webSocket.send(Json.write(invalid));
                } else {
                    int[] shard = sessionShards.get(Json.text(frame.path("d"), "session_id"));
                    if (shard == null) {
                        violations.accept("RESUME of a session this fake never started: " + text);
                    } else {
                        shardId = shard[0];
                        shardTotal = shard[1];
                    }
                    dispatch("RESUMED", Json.object());
                    resumed.countDown();
                }
            }
            case 8 -> { } // member requests: no GUILD_MEMBERS intent, JDA should not ask
            default -> violations.accept("gateway op " + op + " not handled by the fake: " + text);
        }
    }

    private void identify(JsonNode identify) {
        identifyToken = Json.text(identify, "token");
        JsonNode shard = identify.path("shard");
        if (shard.isArray()) {
            int id = shard.path(0).asInt(-1);
            int total = shard.path(1).asInt(-1);
            // Discord closes with 4010 "Invalid shard" for these; JDA would then stop the shard
            if (shard.size() != 2 || total < 1 || id < 0 || id >= total) {
                violations.accept("IDENTIFY with an invalid shard " + shard);
                return;
            }
            shardId = id;
            shardTotal = total;
        }
        String session = "fake-session-" + System.nanoTime();
        sessionShards.put(session, new int[] {shardId, shardTotal});
        List<Long> mine = guildIds.stream().filter(this::serves).toList();
        dispatch("READY", FakeWorld.ready(session, resumeUrl, mine));
        for (long guildId : mine) {
            dispatch("GUILD_CREATE", FakeWorld.guildCreate(guildId));
        }
        ready.countDown();
    }

    /** Whether this connection's shard gets the events of {@code guildId} (null: a direct message). */
    boolean serves(@Nullable Long guildId) {
        return guildId == null ? shardId == 0 : FakeWorld.shardOf(guildId, shardTotal) == shardId;
    }

    /** {@code [shard_id, num_shards]} as identified (or resumed). */
    int[] shard() {
        return new int[] {shardId, shardTotal};
    }

    boolean isOpen() {
        return socket != null;
    }

    boolean isIdentified() {
        return ready.getCount() == 0 || resumed.getCount() == 0;
    }

    /** Sends {@code op 0} with the next sequence number; false when no connection is open. */
    boolean dispatch(String type, JsonNode data) {
        WebSocket current = socket;
        if (current == null) {
            return false;
        }
        ObjectNode frame = Json.object();
        frame.put("op", 0);
        frame.put("t", type);
        frame.put("s", sequence.incrementAndGet());
        frame.set("d", data);
        return current.send(Json.write(frame));
    }

    boolean awaitIdentified(long timeout, TimeUnit unit) throws InterruptedException {
        return ready.await(timeout, unit);
    }

    boolean awaitResumed(long timeout, TimeUnit unit) throws InterruptedException {
        return resumed.await(timeout, unit);
    }

    /** Asks the client to reconnect (op 7), as Discord does before moving a session. */
    void requestReconnect() {
        WebSocket current = socket;
        if (current != null) {
            ObjectNode reconnect = Json.object();
            reconnect.put("op", 7);
            reconnect.putNull("d");
            current.send(Json.write(reconnect));
        }
    }

    /** Closes the connection with a close code, as Discord does when it drops or ends a session. */
    void drop(int code) {
        WebSocket current = socket;
        if (current != null) {
            current.close(code, "dropped by the fake");
        }
    }

    @Nullable String identifyToken() {
        return identifyToken;
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
        webSocket.close(1000, null);
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
        socket = null;
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable failure, @Nullable Response response) {
        socket = null;
    }

    void close() {
        WebSocket current = socket;
        if (current != null) {
            current.close(1000, "fake discord closing");
        }
    }
}
