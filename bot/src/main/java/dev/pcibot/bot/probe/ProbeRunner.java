package dev.pcibot.bot.probe;

import dev.pcibot.bot.discord.gate.Gate;
import dev.pcibot.bot.ops.ServiceMetrics;
import dev.pcibot.bot.store.ProbeAuditEntry;
import dev.pcibot.bot.store.ProbeAuditStore;
import dev.pcibot.bot.store.StoreException;
import dev.pcibot.kb.diagnose.Diagnoser;
import dev.pcibot.kb.diagnose.Diagnosis;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way a probe runs, whichever door asked: the argument is checked, the {@link Gate}
 * decides (deny by default), the rate limits count, the node's one place is taken, the node's
 * transport runs it, the audit records it, and the output is diagnosed like a paste. Every
 * refusal and every run leaves one audit row; the result of a run that cannot be recorded is not shown.
 *
 * <p>Two halves, so a Discord handler can refuse at once and run the rest after acknowledging:
 * {@link #admit} (no network) and {@link #execute}; {@link #run} does both.
 */
@Singleton
public final class ProbeRunner {
    public static final String BAD_ARGUMENT = "bad-argument";
    /** The audit's decision for a redacted output sent on request. */
    public static final String RAW_OUTPUT = "raw-output";
    private static final Logger LOG = LoggerFactory.getLogger(ProbeRunner.class);

    private final ProbeSettings settings;
    private final Gate gate;
    private final ProbeTransports transports;
    private final ProbeAuditStore audit;
    private final Diagnoser diagnoser;
    private final ProbeLimiter limiter;
    private final Clock clock;
    @Inject ServiceMetrics metrics = ServiceMetrics.unregistered();

    @Inject
    public ProbeRunner(ProbeSettings settings, Gate gate, ProbeTransports transports, ProbeAuditStore audit, Diagnoser diagnoser) {
        this(settings, gate, transports, audit, diagnoser, Clock.systemUTC());
    }

    public ProbeRunner(ProbeSettings settings, Gate gate, ProbeTransports transports, ProbeAuditStore audit,
            Diagnoser diagnoser, Clock clock) {
        this.settings = settings;
        this.gate = gate;
        this.transports = transports;
        this.audit = audit;
        this.diagnoser = diagnoser;
        this.limiter = new ProbeLimiter(settings, clock);
        this.clock = clock;
    }

    /** Both halves: refused, failed on the node, or the diagnosis of what it printed. */
    public ProbeReport run(ProbeAsk ask) throws ProbeRefusedException, ProbeFailure {
        ProbeDecision decision = admit(ask);
        if (!decision.allowed()) {
            throw new ProbeRefusedException(decision);
        }
        return execute(ask, decision);
    }

    /** Argument, authorization, rate limits; a refusal is audited here. Contacts no node. */
    public ProbeDecision admit(ProbeAsk ask) {
        ProbeDecision decision = checkArgument(ask).orElseGet(() -> gate.probe(ask));
        if (decision.allowed()) {
            decision = limiter.tryCount(ask).orElse(decision);
        }
        metrics.probeDecision(decision.allowed(), decision.rule());
        if (!decision.allowed()) {
            LOG.info("Probe {} on {} refused for user {}: {}", ask.probe().id(), ask.node(), ask.userId(), decision.rule());
            record(ask, decision, null, Duration.ZERO, null, null);
        }
        return decision;
    }

    /** Runs an admitted probe on its node: one at a time per node, audited, diagnosed. */
    public ProbeReport execute(ProbeAsk ask, ProbeDecision admitted) throws ProbeRefusedException, ProbeFailure {
        if (!admitted.allowed()) {
            throw new IllegalArgumentException("not admitted: " + admitted.rule());
        }
        ProbeNode node = settings.node(ask.node()).orElseThrow();
        if (!limiter.tryEnter(node.name())) {
            ProbeDecision busy = ProbeDecision.deny(ProbeLimiter.NODE_BUSY, "`" + node.name() + "` is running another probe"
                    + " right now; try again in a few seconds.");
            record(ask, busy, null, Duration.ZERO, null, null);
            metrics.probeDecision(false, busy.rule());
            throw new ProbeRefusedException(busy);
        }
        try {
            return runOn(node, ask, admitted);
        } finally {
            limiter.leave(node.name());
        }
    }

    private ProbeReport runOn(ProbeNode node, ProbeAsk ask, ProbeDecision admitted) throws ProbeFailure {
        ProbeTransport transport = transports.forNode(node).orElse(null);
        if (transport == null) {
            ProbeFailure none = new ProbeFailure(ProbeFailure.Kind.NOT_SUPPORTED, "`" + node.name() + "` is set up for "
                    + node.transport() + " probes, and this build has no " + node.transport() + " transport.");
            recordOrThrow(ask, admitted, node.transport(), Duration.ZERO, null, none);
            throw none;
        }
        ProbeCall call = new ProbeCall(node.name(), ask.probe(), ask.argument(), settings.limits().timeout(),
                settings.limits().maxBytes());
        long start = System.nanoTime();
        ProbeOutput output;
        try {
            output = transport.run(call);
        } catch (ProbeFailure f) {
            LOG.info("Probe {} on {} failed: {}", ask.probe().id(), node.name(), f.kind());
            recordOrThrow(ask, admitted, transport.name(), Duration.ofNanos(System.nanoTime() - start), null, f);
            throw f;
        }
        recordOrThrow(ask, admitted, transport.name(), Duration.ofNanos(System.nanoTime() - start), output, null);
        if (output.exitStatus() != 0 && output.text().isBlank()) {
            throw new ProbeFailure(ProbeFailure.Kind.NODE_ERROR, "`" + ask.probe().id() + "` on `" + node.name()
                    + "` ended with status " + output.exitStatus() + " and printed nothing.");
        }
        String paste = asPaste(node, ask, output);
        return new ProbeReport(output, transport.name(), paste, diagnoser.diagnose(paste));
    }

    /**
     * What a terminal would show, so the diagnosis knows which command printed it; an empty output
     * is closed by the next prompt, as in a pasted terminal, so that "printed nothing" counts.
     */
    static String asPaste(ProbeNode node, ProbeAsk ask, ProbeOutput output) {
        String prompt = "probe@" + node.pveNode() + ":~$ ";
        String text = output.text();
        if (text.isBlank()) {
            return prompt + ask.probe().command(ask.argument()) + "\n" + prompt + "\n";
        }
        return prompt + ask.probe().command(ask.argument()) + "\n" + text + (text.endsWith("\n") ? "" : "\n");
    }

    private static Optional<ProbeDecision> checkArgument(ProbeAsk ask) {
        if (!RemoteProbes.all().contains(ask.probe())) {
            return Optional.of(ProbeDecision.deny(BAD_ARGUMENT, "`" + ask.probe().id() + "` is not run on nodes."));
        }
        ArgumentKind kind = RemoteProbes.argument(ask.probe());
        String arg = ask.argument();
        if (kind == ArgumentKind.NONE) {
            return arg == null ? Optional.empty()
                    : Optional.of(ProbeDecision.deny(BAD_ARGUMENT, "`" + ask.probe().id() + "` takes no argument."));
        }
        if (arg == null) {
            return Optional.of(ProbeDecision.deny(BAD_ARGUMENT, "`" + ask.probe().id() + "` needs " + kind.described() + "."));
        }
        if (!kind.accepts(arg)) {
            return Optional.of(ProbeDecision.deny(BAD_ARGUMENT, "`" + shown(arg) + "` is not " + kind.described() + "."));
        }
        return Optional.empty();
    }

    /** User text quoted back: printable ASCII only, short. */
    static String shown(String arg) {
        String s = arg.codePoints().mapToObj(c -> c >= 0x20 && c < 0x7f && c != '`' ? Character.toString(c) : "?")
                .collect(Collectors.joining());
        return s.length() > 24 ? s.substring(0, 24) + "…" : s;
    }

    private void recordOrThrow(ProbeAsk ask, ProbeDecision decision, String transport, Duration took,
            @Nullable ProbeOutput output, @Nullable ProbeFailure failure) throws ProbeFailure {
        if (!record(ask, decision, transport, took, output, failure)) {
            throw new ProbeFailure(ProbeFailure.Kind.NODE_ERROR, "The probe ran but could not be recorded in the audit,"
                    + " so its result is not shown. Please try again later.");
        }
    }

    private boolean record(ProbeAsk ask, ProbeDecision decision, @Nullable String transport, Duration took,
            @Nullable ProbeOutput output, @Nullable ProbeFailure failure) {
        try {
            audit.append(new ProbeAuditEntry(clock.instant(), ask.requestId(), ask.guildId(), ask.channelId(), ask.userId(),
                    ask.userTag(), ask.roles().stream().map(String::valueOf).collect(Collectors.joining(",")),
                    ask.entry().name().toLowerCase(java.util.Locale.ROOT), ask.probe().id(), ask.node(), ask.argument(),
                    transport, decision.allowed() ? "allow" : "deny", decision.rule(), took.toMillis(),
                    output == null ? null : output.exitStatus(), failure == null ? null : failure.kind().name(),
                    output == null ? 0 : output.bytes(), output != null && output.truncated(),
                    output == null ? null : sha256(output.text())));
            return true;
        } catch (StoreException e) {
            LOG.error("Probe audit not written (request {}): {}", ask.requestId(), e.getMessage());
            return false;
        }
    }

    /**
     * One audit row for a kept output sent to the person who ran the probe (decision
     * {@code raw-output}, the run's request id, where and by whom it was asked now); false when it
     * could not be written, and then the output is not sent.
     */
    public boolean recordRawOutput(ProbeAsk click, RawOutputs.Kept kept, long bytes, boolean truncated) {
        return recordClick(click, kept, RAW_OUTPUT, "owner", bytes, truncated, sha256(kept.text()));
    }

    /**
     * One audit row for someone else's click on a kept output's button (decision {@code deny}, rule
     * {@value #NOT_OWNER}): the output was not sent, and an admin reading the audit sees who tried to
     * look at a probe's output that was not theirs. Nothing of the output is recorded.
     */
    public void recordRawOutputRefused(ProbeAsk click, RawOutputs.Kept kept) {
        recordClick(click, kept, "deny", NOT_OWNER, 0, false, null);
    }

    /** The rule named in the audit when a raw output is refused to someone who did not run the probe. */
    public static final String NOT_OWNER = "raw-output-not-owner";

    private boolean recordClick(ProbeAsk click, RawOutputs.Kept kept, String decision, String rule, long bytes, boolean truncated,
            @Nullable String sha) {
        ProbeAsk run = kept.ask();
        try {
            audit.append(new ProbeAuditEntry(clock.instant(), run.requestId(), click.guildId(), click.channelId(), click.userId(),
                    click.userTag(), click.roles().stream().map(String::valueOf).collect(Collectors.joining(",")),
                    click.entry().name().toLowerCase(java.util.Locale.ROOT), run.probe().id(), run.node(), run.argument(),
                    kept.transport(), decision, rule, 0, null, null, bytes, truncated, sha));
            return true;
        } catch (StoreException e) {
            LOG.error("Probe audit not written for a raw-output click, {} (request {}): {}", rule, run.requestId(), e.getMessage());
            return false;
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The checked settings, for the doors that list nodes and probes. */
    public ProbeSettings settings() {
        return settings;
    }

    public Gate gate() {
        return gate;
    }
}
