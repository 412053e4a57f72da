package dev.pcibot.bot.probe;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real OpenSSH sshd on 127.0.0.1 and a free port, run by the test as the current user (probes.md
 * 6.2): its own ed25519 host key, and an authorized_keys line for a fresh client key that forces
 * the repository's wrapper with a fixture node, as INSTALL.md writes it for production plus {@code
 * --fixture}. The client can only choose SSH_ORIGINAL_COMMAND. Missing sshd skips the test, except
 * with PCIBOT_CI=1 (.ci/run installs it), where it fails.
 */
final class LoopbackSshd implements AutoCloseable {
    static final Path SSHD = Path.of("/usr/sbin/sshd");
    static final Path SSH_KEYGEN = Path.of("/usr/bin/ssh-keygen");
    /** OpenSSH's own client: the reference for requests MINA cannot send (no command at all). */
    static final Path SSH = Path.of("/usr/bin/ssh");

    final Path dir;
    final Path clientKey;
    final int port;
    final String hostKeyLine;
    private final Process process;

    private LoopbackSshd(Path dir, Path clientKey, int port, String hostKeyLine, Process process) {
        this.dir = dir;
        this.clientKey = clientKey;
        this.port = port;
        this.hostKeyLine = hostKeyLine;
        this.process = process;
    }

    static void assumeInstalled() {
        boolean present = Files.isExecutable(SSHD) && Files.isExecutable(SSH_KEYGEN) && Files.isExecutable(SSH);
        if (!present && "1".equals(System.getenv("PCIBOT_CI"))) {
            fail("PCIBOT_CI=1 but " + SSHD + ", " + SSH_KEYGEN + " or " + SSH + " is missing: .ci/run should have installed openssh-server");
        }
        Assumptions.assumeTrue(present, "OpenSSH sshd not installed (apt-get install openssh-server)");
    }

    /** Starts sshd in {@code dir}, forcing the wrapper with this fixture and wrapper time limit. */
    static LoopbackSshd start(Path dir, FixtureNode node, int wrapperTimeoutSeconds) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path hostKey = keygen(dir.resolve("host_ed25519"));
        Path clientKey = keygen(dir.resolve("bot_ed25519"));
        String command = FixtureNode.WRAPPER + " --fixture " + node.dir + " --timeout " + wrapperTimeoutSeconds;
        Files.writeString(dir.resolve("authorized_keys"), "restrict,from=\"127.0.0.1,::1\",command=\"" + command + "\" "
                + Files.readString(dir.resolve("bot_ed25519.pub")));
        int port = freePort();
        Files.writeString(dir.resolve("sshd_config"), String.join("\n",
                "ListenAddress 127.0.0.1:" + port,
                "HostKey " + hostKey,
                "PidFile " + dir.resolve("sshd.pid"),
                "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
                "PermitRootLogin forced-commands-only", // when the tests run as root (CI)
                "PubkeyAuthentication yes",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "UsePAM no",
                "StrictModes no",
                "LogLevel VERBOSE",
                ""));
        if (ProcessHandle.current().info().user().orElse("").equals("root")) {
            Files.createDirectories(Path.of("/run/sshd")); // sshd's privilege separation directory
        }
        Process process = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", dir.resolve("sshd_config").toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("sshd.log").toFile())
                .start();
        String pub = Files.readString(dir.resolve("host_ed25519.pub")).trim();
        LoopbackSshd sshd = new LoopbackSshd(dir, clientKey, port, "[127.0.0.1]:" + port + " " + pub, process);
        sshd.awaitBanner();
        return sshd;
    }

    SshNodeSettings settings() {
        return settings(clientKey, hostKeyLine);
    }

    SshNodeSettings settings(Path key, String knownHostsLine) {
        return new SshNodeSettings("127.0.0.1", port, ProcessHandle.current().info().user().orElseThrow(), key, knownHostsLine,
                Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    /** A fresh key pair in {@code dir} that this sshd does not know. */
    static Path otherKey(Path dir, String name) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        return keygen(dir.resolve(name));
    }

    /** sshd's log so far (for failure messages). */
    String log() throws IOException {
        return Files.readString(dir.resolve("sshd.log"));
    }

    /** Kills sshd and every process it started (the per-connection sshd, the wrapper, the stubs) with SIGKILL. */
    void killAll() throws InterruptedException {
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroyForcibly();
        tree.forEach(ProcessHandle::destroyForcibly);
        process.waitFor(5, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        killAll();
    }

    private void awaitBanner() throws IOException, InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new IllegalStateException("sshd exited: " + log());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                s.setSoTimeout(2000);
                InputStream in = s.getInputStream();
                byte[] banner = in.readNBytes(4);
                if (new String(banner, StandardCharsets.US_ASCII).equals("SSH-")) {
                    return;
                }
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("sshd did not answer on port " + port + ": " + log());
    }

    private static Path keygen(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(SSH_KEYGEN.toString(), "-q", "-t", "ed25519", "-N", "", "-C", "pcibot-test", "-f", file.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("ssh-keygen failed: " + out);
        }
        return file;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
