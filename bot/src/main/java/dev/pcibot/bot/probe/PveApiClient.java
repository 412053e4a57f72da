package dev.pcibot.bot.probe;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GET requests to one node's PVE REST API ({@code https://host:8006/api2/json/...}) with its API
 * token, over TLS pinned to the node: the only method this class can send is GET (pveproxy needs
 * no CSRF token for it, and nothing the bot asks changes the node). Answers are the {@code data}
 * of PVE's envelope; errors become a {@link ProbeFailure} with a message for the user. The token
 * never appears in a log, a message or an exception.
 */
final class PveApiClient {
    static final Duration CONNECT = Duration.ofSeconds(5);
    /** pveproxy delays every refused token by 3 s; a call may take this long in all. */
    static final Duration CALL = Duration.ofSeconds(15);
    /** The largest answer read (the journal of a boot's first minutes, a big PCI listing). */
    static final int MAX_ANSWER = 8 << 20;

    private static final Logger LOG = LoggerFactory.getLogger(PveApiClient.class);
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final ProbeNode node;
    private final ProbeNode.Api api;
    private final HttpClient http;

    PveApiClient(ProbeNode node) {
        this.node = node;
        this.api = node.api();
        if (api == null) {
            throw new IllegalArgumentException(node.name() + " is not an API node");
        }
        this.http = HttpClient.newBuilder()
                .sslContext(TlsContexts.forTrust(api.trust()))
                .connectTimeout(CONNECT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** {@code GET /api2/json<path>?query}, the answer's {@code data}. */
    JsonNode get(String path, Map<String, String> query, Instant deadline) throws ProbeFailure {
        Duration left = Duration.between(Instant.now(), deadline);
        if (left.isNegative() || left.isZero()) {
            throw new ProbeFailure(ProbeFailure.Kind.TIMEOUT, "`" + node.name() + "` did not answer in time.");
        }
        HttpRequest request = HttpRequest.newBuilder(uri(path, query))
                .GET()
                .timeout(left.compareTo(CALL) < 0 ? left : CALL)
                .header("Authorization", authorization())
                .header("Accept", "application/json")
                .header("Accept-Encoding", "gzip")
                .build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw failure(path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProbeFailure(ProbeFailure.Kind.TIMEOUT, "The probe on `" + node.name() + "` was stopped.");
        }
        byte[] body = read(response, path);
        LOG.info("Probe API GET {} on {}: HTTP {}, {} bytes", path, node.name(), response.statusCode(), body.length);
        return data(response.statusCode(), body, path);
    }

    private String authorization() throws ProbeFailure {
        try {
            return "PVEAPIToken=" + api.tokenId() + "=" + api.tokenSecret().reveal();
        } catch (IOException e) {
            LOG.warn("Probe on {}: {}", node.name(), e.getMessage());
            throw new ProbeFailure(ProbeFailure.Kind.AUTH, "The bot cannot read its API token for `" + node.name()
                    + "` right now; its operator has been told (see the log).");
        }
    }

    private URI uri(String path, Map<String, String> query) {
        String q = new java.util.TreeMap<>(query).entrySet().stream() // a stable order, for logs and tests
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String host = node.host();
        return URI.create("https://" + host + ":" + node.port() + "/api2/json" + path + (q.isEmpty() ? "" : "?" + q));
    }

    private byte[] read(HttpResponse<InputStream> response, String path) throws ProbeFailure {
        boolean gzip = response.headers().firstValue("Content-Encoding").map(v -> v.equalsIgnoreCase("gzip")).orElse(false);
        try (InputStream raw = response.body(); InputStream in = gzip ? new GZIPInputStream(raw) : raw) {
            byte[] body = in.readNBytes(MAX_ANSWER + 1);
            if (body.length > MAX_ANSWER) {
                throw new ProbeFailure(ProbeFailure.Kind.NODE_ERROR, "`" + node.name() + "` answered " + path
                        + " with more than " + (MAX_ANSWER >> 20) + " MiB; that is not a probe answer.");
            }
            return body;
        } catch (IOException e) {
            throw failure(path, e);
        }
    }

    private JsonNode data(int status, byte[] body, String path) throws ProbeFailure {
        if (status == 200) {
            try {
                return JSON.readTree(body).path("data");
            } catch (IOException e) {
                throw new ProbeFailure(ProbeFailure.Kind.NODE_ERROR, "`" + node.name() + "` answered " + path + " with something"
                        + " that is not PVE's JSON.");
            }
        }
        String said = message(body);
        String where = "`" + node.name() + "` refused GET " + path + " (HTTP " + status + ")";
        if (status == 401) {
            throw new ProbeFailure(ProbeFailure.Kind.AUTH, where + ": the API token was not accepted. Check the token id"
                    + " and secret and that the token has not expired (`pveum user token list " + user() + "`).");
        }
        if (status == 403) {
            throw new ProbeFailure(ProbeFailure.Kind.AUTH, where + (said.isEmpty() ? "" : ": " + said) + ". The user and"
                    + " the token both need the role ChatOpsProbe (Sys.Audit, Sys.Syslog, VM.Audit) on `/`.");
        }
        throw new ProbeFailure(ProbeFailure.Kind.NODE_ERROR, where + (said.isEmpty() ? "." : ": " + said));
    }

    private String user() {
        return api.tokenId().substring(0, api.tokenId().indexOf('!'));
    }

    /** The node's own words (pve-http-server 5.2.0 and later put them in the body), one short line. */
    private static String message(byte[] body) {
        try {
            JsonNode json = JSON.readTree(body);
            String text = json == null ? "" : json.path("message").asText("");
            if (text.isEmpty() && json != null && json.has("errors")) {
                text = json.get("errors").toString();
            }
            String line = text.replaceAll("[\\p{Cntrl}`]+", " ").strip();
            return line.length() > 200 ? line.substring(0, 200) + "…" : line;
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private ProbeFailure failure(String path, IOException e) {
        String name = "`" + node.name() + "`";
        PinnedTrustManager.PinMismatch pin = cause(e, PinnedTrustManager.PinMismatch.class);
        if (pin != null) {
            LOG.warn("Probe on {}: the certificate presented has SHA-256 {}, which is not pinned", node.name(), pin.presented);
            return new ProbeFailure(ProbeFailure.Kind.PIN_MISMATCH, "The certificate of " + name + " is not the pinned"
                    + " one, so I did not send the token. If the node's certificate was renewed, read the new"
                    + " fingerprint on the node (`pvenode cert info`) and update tls-pin.", e);
        }
        if (cause(e, CertificateException.class) != null || cause(e, SSLException.class) != null) {
            LOG.warn("Probe on {}: TLS failed: {}", node.name(), e.getMessage());
            return new ProbeFailure(ProbeFailure.Kind.PIN_MISMATCH, "The certificate of " + name + " does not check out"
                    + " against its configured CA for the address " + node.host() + " (wrong CA, expired, or a name"
                    + " the certificate does not carry), so I did not send the token.", e);
        }
        if (e instanceof HttpConnectTimeoutException) {
            return new ProbeFailure(ProbeFailure.Kind.TIMEOUT, name + " did not accept a connection within "
                    + CONNECT.toSeconds() + " s.", e);
        }
        if (e instanceof HttpTimeoutException) {
            return new ProbeFailure(ProbeFailure.Kind.TIMEOUT, name + " did not answer " + path + " in time.", e);
        }
        if (cause(e, ConnectException.class) != null) {
            return new ProbeFailure(ProbeFailure.Kind.UNREACHABLE, name + " cannot be reached at " + node.host() + ":"
                    + node.port() + " (connection refused or no route).", e);
        }
        LOG.warn("Probe on {}: {}", node.name(), e.toString());
        return new ProbeFailure(ProbeFailure.Kind.UNREACHABLE, "The connection to " + name + " failed.", e);
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
