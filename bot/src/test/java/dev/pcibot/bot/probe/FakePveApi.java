package dev.pcibot.bot.probe;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A PVE API on 127.0.0.1 over HTTPS, as pveproxy behaves (probes.md §6.1): only {@code GET
 * /api2/json/...} (other methods 501, proving the client never writes); a wrong or missing
 * {@code PVEAPIToken} answered 401 with an empty body after a delay (3 s in PVE); 403 with or
 * without the JSON message (pve-http-server 5.2.0 and later, or before); {@code /journal} always
 * gzip, others gzip above 1024 bytes when asked. Answers come from test resources
 * {@code probe/pve/} (SOURCES.md there).
 */
final class FakePveApi implements AutoCloseable {
    static final String TOKEN_ID = "chatops@pve!probe";
    static final String SECRET = "5f1c6c1e-8a43-4b1b-9b0e-6a3a0f0c7d21";
    static final String NODE = "pve1";

    /** What a request looked like, without its token. */
    record Seen(String method, String path, String query, boolean tokenRight) {}

    private record Answer(int status, String body, Duration delay) {}

    private final HttpsServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private volatile Duration unauthorizedDelay = Duration.ofMillis(300);

    private FakePveApi(KeyStore keys) throws IOException, GeneralSecurityException {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, TestCertificates.PASSWORD);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
        node("/hardware/pci", "hardware-pci.json");
        node("/status", "status.json");
        node("/version", "version.json");
        node("/qemu/100/config", "qemu-100-config.json");
        node("/journal", "journal.json");
    }

    static FakePveApi start(Path p12) {
        try {
            return new FakePveApi(TestCertificates.load(p12));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    List<Seen> seen() {
        return List.copyOf(seen);
    }

    void clearSeen() {
        seen.clear();
    }

    /** Serves a fixture for {@code /nodes/pve1<rest>}. */
    FakePveApi node(String rest, String fixture) {
        answers.put("/api2/json/nodes/" + NODE + rest, new Answer(200, fixture(fixture), Duration.ZERO));
        return this;
    }

    /** Answers {@code /nodes/pve1<rest>} with this status and body, after a delay. */
    FakePveApi answer(String rest, int status, String body, Duration delay) {
        answers.put("/api2/json/nodes/" + NODE + rest, new Answer(status, body, delay));
        return this;
    }

    void unauthorizedDelay(Duration delay) {
        this.unauthorizedDelay = delay;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            boolean tokenRight = ("PVEAPIToken=" + TOKEN_ID + "=" + SECRET).equals(auth);
            seen.add(new Seen(ex.getRequestMethod(), path, String.valueOf(ex.getRequestURI().getRawQuery()), tokenRight));
            if (!ex.getRequestMethod().equals("GET")) {
                send(ex, 501, "{\"data\":null,\"message\":\"Method '" + ex.getRequestMethod() + " " + path + "' not implemented\\n\"}", false);
                return;
            }
            if (!tokenRight) {
                sleep(unauthorizedDelay); // pveproxy: "always delay unauthorized calls by 3 seconds"
                ex.sendResponseHeaders(401, -1);
                return;
            }
            Answer answer = answers.get(path);
            if (answer == null) {
                send(ex, 501, "{\"data\":null,\"message\":\"Method 'GET " + path + "' not implemented\\n\"}", false);
                return;
            }
            sleep(answer.delay());
            boolean gzip = path.endsWith("/journal") || (answer.body().length() > 1024
                    && String.valueOf(ex.getRequestHeaders().getFirst("Accept-Encoding")).contains("gzip"));
            send(ex, answer.status(), answer.body(), gzip);
        }
    }

    private static void send(HttpExchange ex, int status, String body, boolean gzip) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (gzip) {
            ByteArrayOutputStream z = new ByteArrayOutputStream();
            try (OutputStream out = new GZIPOutputStream(z)) {
                out.write(bytes);
            }
            bytes = z.toByteArray();
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
        }
        ex.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static void sleep(Duration d) {
        if (d.isZero()) {
            return;
        }
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String fixture(String name) {
        try (InputStream in = FakePveApi.class.getResourceAsStream("/probe/pve/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture /probe/pve/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A token secret file for a node config. */
    static Path secretFile(Path dir, String secret) {
        try {
            return Files.writeString(dir.resolve("token-" + secret.hashCode()), secret + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
