package dev.pcibot.bot.probe;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.password.PasswordIdentityProvider;
import org.apache.sshd.client.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.future.AuthFuture;
import org.apache.sshd.client.future.ConnectFuture;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.common.signature.Signature;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs probes over SSH on one node (probes.md section 3): public key authentication with the bot's
 * restricted key, the node's host key pinned, one exec channel per probe (no PTY, no shell, no
 * forwarding) whose command is only {@code <probe-id>[ <argument>]}; the node's forced command,
 * node/pve-probe, decides what actually runs. The exit status of the wrapper tells refusal (64) and
 * its own time limit (124) apart from the probe's result. Output is capped here as well as on the node.
 * One SSH client per node, started at construction; {@link #close()} stops it.
 */
public final class SshTransport implements ProbeTransport, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SshTransport.class);
    static final int STDERR_CAP = 16 * 1024;
    static final int WRAPPER_REFUSED = 64;
    private static final Pattern WRAPPER_CUT = Pattern.compile("pve-probe: output cut at \\d+ bytes \\((\\d+) more dropped\\)");

    private final SshNodeSettings settings;
    private final PinnedHostKey hostKey;
    private final KeyPair identity;
    private final SshClient client;

    /**
     * Reads the key file and the pinned host key line, and starts the client.
     *
     * @throws IllegalArgumentException when the key file cannot be read as an unencrypted private
     *     key or the host key line holds no usable key (the message names the setting, never the key)
     */
    public SshTransport(SshNodeSettings settings) {
        this.settings = settings;
        this.hostKey = PinnedHostKey.parse(settings.knownHostsLine(), settings.host(), settings.port());
        this.identity = readIdentity(settings);
        this.client = SshClient.setUpDefaultClient();
        // Nothing of the bot user's own ~/.ssh: no config file, no default identities, no agent, no password.
        client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
        client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
        client.setPasswordIdentityProvider(PasswordIdentityProvider.EMPTY_PASSWORDS_PROVIDER);
        client.setUserAuthFactories(List.of(UserAuthPublicKeyFactory.INSTANCE));
        client.setAgentFactory(null);
        client.setServerKeyVerifier(hostKey);
        client.setSignatureFactories(preferring(hostKey.type(), client.getSignatureFactories()));
        client.start();
    }

    @Override
    public String name() {
        return "ssh";
    }

    @Override
    public ProbeOutput run(ProbeCall call) throws ProbeFailure {
        if (!WrapperRequest.runsOnNode(call.probe())) {
            throw new ProbeFailure(ProbeFailure.Kind.NOT_SUPPORTED, "Probe " + call.probe().id() + " is not run on nodes: "
                    + "it would start the VM, and probes are read-only. Start it on the node and paste the error.");
        }
        return exec(call.node(), WrapperRequest.line(call.probe(), call.argument()), call.timeout(), call.maxBytes());
    }

    /** Sends one request line as it is; package-private so the tests can send what the bot never would. */
    ProbeOutput exec(String node, String request, Duration timeout, int maxBytes) throws ProbeFailure {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        try (ClientSession session = connect(node, deadline)) {
            authenticate(node, session, deadline);
            return runCommand(node, session, request, deadline, maxBytes, start);
        } catch (IOException e) {
            throw new ProbeFailure(ProbeFailure.Kind.UNREACHABLE, "Lost the SSH connection to node " + node + ": " + e.getMessage(), e);
        }
    }

    private ClientSession connect(String node, long deadline) throws ProbeFailure, IOException {
        ConnectFuture connecting = client.connect(settings.user(), new InetSocketAddress(settings.host(), settings.port()), null, null);
        Duration wait = within(settings.connectTimeout(), deadline);
        if (!connecting.await(wait)) {
            connecting.cancel();
            throw new ProbeFailure(ProbeFailure.Kind.TIMEOUT, "Node " + node + " did not accept an SSH connection within "
                    + seconds(wait) + ".");
        }
        if (connecting.getException() != null) {
            throw new ProbeFailure(ProbeFailure.Kind.UNREACHABLE, "Cannot reach node " + node + " over SSH ("
                    + PinnedHostKey.hostField(settings.host(), settings.port()) + "): " + rootMessage(connecting.getException()),
                    connecting.getException());
        }
        return connecting.getSession();
    }

    private void authenticate(String node, ClientSession session, long deadline) throws ProbeFailure, IOException {
        session.addPublicKeyIdentity(identity);
        AuthFuture auth = session.auth();
        Duration wait = within(settings.authTimeout(), deadline);
        boolean done = auth.await(wait);
        String refused = PinnedHostKey.refused(session);
        if (refused != null) {
            throw new ProbeFailure(ProbeFailure.Kind.PIN_MISMATCH, repinMessage(node, refused));
        }
        if (!done) {
            throw new ProbeFailure(ProbeFailure.Kind.TIMEOUT, "Node " + node + " did not finish the SSH handshake within "
                    + seconds(wait) + ".");
        }
        if (!auth.isSuccess()) {
            throw new ProbeFailure(ProbeFailure.Kind.AUTH, "Node " + node + " refused the bot's SSH key for user " + settings.user()
                    + ": check the key's line in ~" + settings.user() + "/.ssh/authorized_keys on the node (node/INSTALL.md).");
        }
    }

    private ProbeOutput runCommand(String node, ClientSession session, String request, long deadline, int maxBytes, long start)
            throws ProbeFailure, IOException {
        CappedOutput out = new CappedOutput(maxBytes);
        CappedOutput err = new CappedOutput(STDERR_CAP);
        try (ChannelExec channel = session.createExecChannel(request)) {
            channel.setUsePty(false);
            channel.setIn(InputStream.nullInputStream());
            channel.setOut(out);
            channel.setErr(err);
            channel.open().verify(remaining(deadline));
            Set<ClientChannelEvent> events = channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), remaining(deadline));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            if (events.contains(ClientChannelEvent.TIMEOUT)) {
                throw new ProbeFailure(ProbeFailure.Kind.TIMEOUT, "Probe " + request + " on node " + node + " did not finish within "
                        + seconds(Duration.ofNanos(deadline - start)) + "; nothing was kept.");
            }
            return outcome(node, request, channel.getExitStatus(), channel.getExitSignal(), out, err, took);
        }
    }

    private static ProbeOutput outcome(String node, String request, @Nullable Integer exit, @Nullable String signal,
            CappedOutput out, CappedOutput err, Duration took) throws ProbeFailure {
        String stderr = err.text(false);
        if (exit == null) {
            throw new ProbeFailure(ProbeFailure.Kind.UNREACHABLE, "The SSH connection to node " + node + " closed before probe "
                    + request + " finished" + (signal != null ? " (killed by " + signal + ")" : "") + "; its output is incomplete and was dropped.");
        }
        if (exit == WRAPPER_REFUSED) {
            throw new ProbeFailure(ProbeFailure.Kind.NODE_ERROR, "Node " + node + " refused probe " + request + ": "
                    + firstLine(stderr.replaceFirst("^pve-probe: ", "")));
        }
        if (exit == 124 || exit == 137) {
            throw new ProbeFailure(ProbeFailure.Kind.TIMEOUT, "Probe " + request + " ran longer than node " + node + " allows ("
                    + firstLine(stderr) + ").");
        }
        if (exit != 0) {
            boolean sudo = stderr.contains("sudo:");
            throw new ProbeFailure(ProbeFailure.Kind.NODE_ERROR, "Probe " + request + " failed on node " + node + " (exit " + exit + "): "
                    + firstLine(stderr) + (sudo ? " The node's sudoers rule for this probe is missing or does not match (node/INSTALL.md)." : ""));
        }
        Matcher cut = WRAPPER_CUT.matcher(stderr);
        long dropped = cut.find() ? Long.parseLong(cut.group(1)) : 0;
        boolean truncated = out.truncated() || dropped > 0;
        return new ProbeOutput(out.text(truncated), out.total() + dropped, truncated, exit, took);
    }

    @Override
    public void close() {
        try {
            client.stop();
        } catch (RuntimeException e) {
            LOG.warn("stopping the SSH client of {} failed: {}", settings.host(), e.toString());
        }
    }

    private String repinMessage(String node, String presented) {
        String line = PinnedHostKey.hostField(settings.host(), settings.port()) + " " + hostKey.type() + " AAAA...";
        return "Node " + node + " presented SSH host key " + presented + ", not the pinned " + hostKey.type() + " "
                + hostKey.fingerprint() + "; nothing was run. If the node was reinstalled or its host key was changed, read the key "
                + "on the node itself (its console, not over this connection): `ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub` "
                + "must show the fingerprint above; then pin the contents of that .pub file as the node's host key line ("
                + line + "). If nobody changed it, someone may be intercepting the connection.";
    }

    private static KeyPair readIdentity(SshNodeSettings settings) {
        try (InputStream in = Files.newInputStream(settings.keyFile())) {
            Iterator<KeyPair> keys = SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName(settings.keyFile().toString()), in, null)
                    .iterator();
            if (!keys.hasNext()) {
                throw new IllegalArgumentException("ssh key file " + settings.keyFile() + " holds no private key");
            }
            return keys.next();
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae && iae.getMessage() != null && iae.getMessage().startsWith("ssh key file")) {
                throw iae;
            }
            throw new IllegalArgumentException("ssh key file " + settings.keyFile() + " cannot be read as an unencrypted private key ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** The pinned key's signature algorithms first, so the node proves the key we pinned and not another of its keys. */
    static List<NamedFactory<Signature>> preferring(String keyType, List<NamedFactory<Signature>> defaults) {
        List<String> names = keyType.equals("ssh-rsa") ? List.of("rsa-sha2-512", "rsa-sha2-256", "ssh-rsa") : List.of(keyType);
        List<NamedFactory<Signature>> ordered = new ArrayList<>();
        for (String name : names) {
            defaults.stream().filter(f -> f.getName().equals(name)).forEach(ordered::add);
        }
        defaults.stream().filter(f -> !ordered.contains(f)).forEach(ordered::add);
        return ordered;
    }

    private static Duration within(Duration limit, long deadline) {
        Duration left = remaining(deadline);
        return left.compareTo(limit) < 0 ? left : limit;
    }

    private static Duration remaining(long deadline) {
        long left = deadline - System.nanoTime();
        return Duration.ofNanos(Math.max(left, 1_000_000));
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }

    /** The node's message for the user: one line, printable, not longer than a chat line should be. */
    static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("no message");
        line = line.replaceAll("\\p{Cntrl}", "?");
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
