package dev.pcibot.bot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real main ({@code Launcher}, then {@code Application.main}) in its own JVM, configured the way a user configures it: by
 * environment variables and {@code -D} properties, with no Micronaut test environment (no
 * {@code application-test.yml}). For what only a real start shows: the database chosen from
 * {@code DATASOURCES_DEFAULT_URL}, the address the server binds, what it logs.
 */
public final class ServiceProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private final Process process;
    private final Path log;
    private final int port;

    private ServiceProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * Starts the service on a free port with a fresh data folder, Discord off, and {@code env} on top
     * (which may override the port or data folder).
     */
    public static ServiceProcess start(Path workDir, Map<String, String> env, String... args) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), "--enable-native-access=ALL-UNNAMED")); // as the jar manifest
        List<String> rest = new ArrayList<>(List.of(args));
        // -D options go to the JVM, the rest to main.
        rest.stream().filter(a -> a.startsWith("-D")).forEach(command::add);
        command.add("dev.pcibot.bot.Launcher"); // the jar's Main-Class
        rest.stream().filter(a -> !a.startsWith("-D")).forEach(command::add);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        Path log = workDir.resolve("service-" + port + ".log");
        builder.redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(k -> k.startsWith("DISCORD_") || k.startsWith("DATASOURCES_")
                || k.startsWith("MICRONAUT_") || k.startsWith("PCIBOT_DATA") || k.startsWith("KB_"));
        environment.put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        environment.put("PCIBOT_DATA_DIR", workDir.resolve("data").toString());
        environment.putAll(env);
        try {
            return new ServiceProcess(builder.start(), log, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** Everything the process printed so far. */
    public String output() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits until a line of the output matches {@code regex} and returns the match; fails with the
     * output when the process ends first or the time runs out.
     */
    public Matcher awaitOutput(String regex) {
        Pattern pattern = Pattern.compile(regex);
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = pattern.matcher(output());
            if (m.find()) {
                return m;
            }
            if (!process.isAlive()) {
                throw new AssertionError("the service exited (" + process.exitValue() + ") before printing /" + regex
                        + "/:\n" + output());
            }
            sleep(100);
        }
        throw new AssertionError("no /" + regex + "/ within " + START_TIMEOUT + ":\n" + output());
    }

    /** GET on 127.0.0.1 at the service's port. */
    public HttpResponse<String> get(String path) {
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends SIGTERM (what {@code docker stop}, systemd and Kubernetes send) and returns at once; then {@link #awaitExit}. */
    public void terminate() {
        process.destroy();
    }

    /** POST of a JSON body on 127.0.0.1 at the service's port. */
    public HttpResponse<String> post(String path, String json) {
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json))
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public long pid() {
        return process.pid();
    }

    /** Waits for the process to end by itself (a CLI run) and returns its exit code. */
    public int awaitExit() {
        try {
            if (!process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("still running after " + START_TIMEOUT + ":\n" + output());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** kill -9: SIGKILL, so no shutdown hook, {@code finally} or {@code close()} runs; waits until it is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                throw new AssertionError("still alive 15 s after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
