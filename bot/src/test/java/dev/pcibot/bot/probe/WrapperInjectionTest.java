package dev.pcibot.bot.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a client that holds the bot's key could send instead of a catalogue probe, against the real
 * wrapper twice: as SSH_ORIGINAL_COMMAND of a subprocess (the wrapper alone) and as the exec request
 * through a real sshd (what OpenSSH makes of it on the way). Every request must be refused with
 * exit 64 and a REJECT line in syslog, and no node command may run: the stubs record every call,
 * and the shell payloads would create a canary file. A few catalogue requests run as controls, so
 * an empty call log means refusal, not a broken fixture.
 */
final class WrapperInjectionTest {
    private static final String CANARY = "pcibot-pwned";
    private static final String UUID = "12345678-1234-1234-1234-123456789abc";

    /** The corpus: shell syntax, option smuggling, wrong arity and types, look-alikes, lengths, traversal. */
    static final List<String> CORPUS = List.of(
            // shell syntax
            "help; id", "cmdline;touch " + CANARY, "cmdline && touch " + CANARY, "cmdline || touch " + CANARY, "cmdline | id",
            "cmdline & id", "$(touch " + CANARY + ")", "`touch " + CANARY + "`", "cmdline $(id)", "qm-config 100$(id)",
            "qm-config ${IFS}100", "cmdline${IFS}id", "cmdline > " + CANARY, "cmdline < /etc/shadow", "cmdline *", "cmdline ?",
            "cmdline \\", "cmdline 'x'", "cmdline \"x\"", "cmdline # x", "!!", "cmdline%0aid", "~root",
            // control characters
            "cmdline\nid", "cmdline\rtouch " + CANARY, "cmdline\tid", "cmdline\u000bid", "cmdline\u001b[2J",
            // options and arity
            "--help", "-h", "--fixture .", "--timeout 120 cmdline", "cmdline --fixture .", "qm-config 100 --snapshot x",
            "qm-config --current 100", "lspci-dev 0000:01:00.0 -vv", "lspci-vv -s 0000:01:00.0", "lspci-nnk -s 0000:01:00.0",
            "pci-json extra", "cmdline cmdline", "qm-config", "lspci-dev", "qm-config 100 101", "-- cmdline",
            // argument types
            "qm-config 12", "qm-config 1000000000", "qm-config -100", "qm-config 0x64", "qm-config 1e3", "lspci-dev 01:00.0",
            "lspci-dev 0000:01:00.8", "lspci-dev 0000:01:00.0.1", "lspci-dev 0000:1:00.0", "lspci-vv 0000:01:00.A",
            "lspci-dev 0000:01:00:0",
            // not catalogue, or not read-only
            "CMDLINE", "Cmdline", "cat /proc/cmdline", "qm config 100", "qm start 100", "vm-start-error 100", "vm-start-error",
            "pvesh create /nodes", "sh", "bash -i", "id", "kernel_iommu", "lspci_nnk",
            // request ids
            "cmdline req=", "cmdline req=../../x", "cmdline req=" + UUID + "0", "req=" + UUID, "req=" + UUID + " cmdline",
            // unicode look-alikes and invisible characters
            "ｃmdline", "cmdlіne", "qm‐config 100", "qm-config １００", "qm-config ١٠٠", "cmdline\u00a0", "qm-config 100\u200b",
            "lspci-dev 0000:01:00․0", "\ufeffcmdline",
            // lengths
            "", "   ", "cmdline " + "a".repeat(200), "a".repeat(10_000), "qm-config " + "1".repeat(300),
            // path traversal
            "../../../etc/passwd", "lspci-dev ../../../etc/passwd", "qm-config 100/../../etc", "modprobe-conf ..", "cmdline ../..",
            "/usr/local/sbin/pve-probe cmdline", "./cmdline");

    @TempDir static Path tmp;
    private static FixtureNode node;
    private static LoopbackSshd sshd;
    private static SshTransport transport;
    private static Path workDir;

    @BeforeAll
    static void start() throws Exception {
        node = FixtureNode.create(tmp);
        workDir = Files.createDirectories(tmp.resolve("cwd"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (transport != null) {
            transport.close();
        }
        if (sshd != null) {
            sshd.close();
        }
    }

    @BeforeEach
    void clean() throws IOException {
        node.clearLogs();
    }

    @Test
    void theWrapperAloneRefusesTheWholeCorpusAndRunsNothing() throws Exception {
        List<String> accepted = new ArrayList<>();
        for (String request : CORPUS) {
            Run run = runWrapper(request);
            if (run.exit != 64 || !run.stdout.isEmpty() || !run.stderr.startsWith("pve-probe: ")) {
                accepted.add(printable(request) + " -> exit " + run.exit + " " + run.stderr.strip());
            }
        }
        assertEquals(List.of(), accepted);
        assertEquals(List.of(), node.calls(), "commands run for the corpus");
        assertEquals(CORPUS.size(), node.syslog().stream().filter(l -> l.contains("REJECT client=127.0.0.1 reason=")).count());
        assertFalse(Files.exists(workDir.resolve(CANARY)));
        System.out.printf("wrapper injection corpus (subprocess): %d requests, %d refused with 64, %d node commands run%n",
                CORPUS.size(), CORPUS.size() - accepted.size(), node.calls().size());
    }

    @Test
    void throughSshdTheCorpusIsRefusedAndRunsNothing() throws Exception {
        ensureSshd();
        Path homeCanary = Path.of(System.getProperty("user.home"), CANARY);
        List<String> notRefused = new ArrayList<>();
        for (String request : CORPUS) {
            if (request.isBlank()) {
                continue; // MINA sends no blank exec request; the shell request below is the way to send none
            }
            try {
                ProbeOutput out = transport.exec("pve1", request, Duration.ofSeconds(10), 1 << 20);
                notRefused.add(printable(request) + " -> ran, exit " + out.exitStatus());
            } catch (ProbeFailure e) {
                if (e.kind() != ProbeFailure.Kind.NODE_ERROR || !e.getMessage().contains("refused probe")) {
                    notRefused.add(printable(request) + " -> " + e.kind() + " " + e.getMessage());
                }
            }
        }
        assertEquals(List.of(), notRefused);
        // no command at all (a login shell), from OpenSSH's own client: the forced command refuses it too
        Run shell = openssh(List.of("-T"));
        String said = shell.stdout;
        assertEquals(64, shell.exit, said);
        assertTrue(said.contains("pve-probe: no probe given (interactive login refused)"), said);
        assertEquals(List.of(), node.calls(), "commands run for the corpus");
        assertFalse(Files.exists(homeCanary));
        long sent = CORPUS.stream().filter(r -> !r.isBlank()).count();
        System.out.printf("wrapper injection corpus (through sshd): %d exec requests + 1 shell request, %d refused, %d node commands run%n",
                sent, sent + 1 - notRefused.size(), node.calls().size());
    }

    @Test
    void catalogueRequestsRunSoTheEmptyCallLogMeansRefusal() throws Exception {
        for (String request : List.of("cmdline", "  cmdline  ", "vfio-modules req=" + UUID, "qm-config 100", "lspci-dev 0000:01:00.0")) {
            Run run = runWrapper(request);
            assertEquals(0, run.exit, request + ": " + run.stderr);
            assertFalse(run.stdout.isEmpty(), request);
        }
        assertEquals(List.of("lsmod ", "qm config 100", "lspci -nnk -s 0000:01:00.0"), node.calls());
        assertTrue(node.syslog().contains("-t pve-probe -p authpriv.info -- RUN client=127.0.0.1 req=" + UUID + " probe=vfio-modules args=-"),
                node.syslog().toString());
    }

    @Test
    void optionsAreTakenFromTheCommandLineOnlyNeverFromTheRequest() throws Exception {
        Run noFixture = runWrapper("help", List.of(FixtureNode.WRAPPER.toString(), "--bogus"));
        assertEquals(64, noFixture.exit);
        Run badTimeout = runWrapper("help", List.of(FixtureNode.WRAPPER.toString(), "--timeout", "0"));
        assertEquals(64, badTimeout.exit);
        assertEquals(0, runWrapper("help").exit); // the request was fine: the options were refused
    }

    @Test
    void theKeyOptionsRefuseTerminalsForwardingAndSubsystems() throws Exception {
        ensureSshd();
        assertTrue(openssh(List.of("-tt"), "cmdline").stdout.contains("PTY allocation request failed"));
        assertTrue(openssh(List.of("-o", "ExitOnForwardFailure=yes", "-R", "0:127.0.0.1:1"), "cmdline").stdout
                .contains("remote port forwarding failed"));
        Run sftp = openssh(List.of("-s"), "sftp");
        assertTrue(sftp.stdout.contains("subsystem request failed"), sftp.stdout);
        assertEquals(List.of(), node.calls());
    }

    private static void ensureSshd() throws Exception {
        LoopbackSshd.assumeInstalled();
        if (sshd == null) {
            sshd = LoopbackSshd.start(tmp.resolve("sshd"), node, 5);
            transport = new SshTransport(sshd.settings());
        }
    }

    /** OpenSSH's client with the bot's key and the pinned host key; stdout and stderr together. */
    private static Run openssh(List<String> options, String... command) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(LoopbackSshd.SSH.toString(), "-i", sshd.clientKey.toString(),
                "-p", String.valueOf(sshd.port), "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=yes",
                "-o", "GlobalKnownHostsFile=/dev/null",
                "-o", "UserKnownHostsFile=" + Files.writeString(tmp.resolve("known_hosts"), sshd.hostKeyLine + "\n")));
        argv.addAll(options);
        argv.add(sshd.settings().user() + "@127.0.0.1");
        argv.addAll(List.of(command));
        Process p = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        return new Run(p.exitValue(), out, "");
    }

    record Run(int exit, String stdout, String stderr) {}

    private static Run runWrapper(String request) throws IOException, InterruptedException {
        return runWrapper(request, List.of(FixtureNode.WRAPPER.toString(), "--fixture", node.dir.toString(), "--timeout", "5"));
    }

    private static Run runWrapper(String request, List<String> argv) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(argv).directory(workDir.toFile());
        pb.environment().put("SSH_ORIGINAL_COMMAND", request);
        pb.environment().put("SSH_CLIENT", "127.0.0.1 50000 22");
        Path err = Files.createTempFile(tmp, "stderr", ".txt");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("wrapper hung on " + printable(request));
        }
        return new Run(p.exitValue(), out, Files.readString(err));
    }

    private static String printable(String s) {
        String shown = s.length() > 60 ? s.substring(0, 60) + "...(" + s.length() + ")" : s;
        StringBuilder b = new StringBuilder("[");
        shown.codePoints().forEach(c -> b.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : Character.toString(c)));
        return b.append(']').toString();
    }
}
