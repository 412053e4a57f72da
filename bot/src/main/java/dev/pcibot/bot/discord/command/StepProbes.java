package dev.pcibot.bot.discord.command;

import dev.pcibot.bot.discord.gate.EntryPoint;
import dev.pcibot.bot.probe.ArgumentKind;
import dev.pcibot.bot.probe.ProbeAsk;
import dev.pcibot.bot.probe.ProbeRunner;
import dev.pcibot.bot.probe.RawOutputs;
import dev.pcibot.bot.probe.RemoteProbes;
import dev.pcibot.kb.converse.Ask;
import dev.pcibot.kb.converse.Step;
import dev.pcibot.kb.diagnose.Probe;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.dv8tion.jda.api.interactions.Interaction;
import org.jspecify.annotations.Nullable;

/**
 * Which "Run it on &lt;node&gt;" buttons a troubleshooting step offers: the step must ask for a
 * probe a node may run, with its VM id or PCI address known from the conversation (the step's
 * filled command), and the person behind this interaction must be allowed to run it there by the
 * same gate as {@code /probe}, from this interaction's server, channel, user and roles. This only
 * decides what to show; a click is decided again (and audited) by {@link ProbeRunner}.
 */
@Singleton
final class StepProbes {
    /** At most this many nodes are offered: the step's first row holds five buttons, two are taken. */
    static final int MAX_NODES = 3;

    /** The step's probe as a node runs it: the catalogue probe and its argument (null when it takes none). */
    record StepProbe(Probe probe, @Nullable String argument) {}

    private final ProbeRunner runner;
    private final RawOutputs raw;

    StepProbes(ProbeRunner runner, RawOutputs raw) {
        this.runner = runner;
        this.raw = raw;
    }

    ProbeRunner runner() {
        return runner;
    }

    /** Where a step's probe output is kept for "Show raw output". */
    RawOutputs raw() {
        return raw;
    }

    /** The nodes to offer for this step to whoever is behind {@code interaction}, at most {@link #MAX_NODES}. */
    List<String> nodes(Interaction interaction, Step step) {
        Optional<StepProbe> wanted = of(step);
        if (wanted.isEmpty() || !runner.settings().enabled()) {
            return List.of();
        }
        ProbeAsk any = ask(interaction, "-", wanted.get());
        return runner.gate().probeNodes(any.guildId(), any.channelId(), any.userId(), any.roles()).stream()
                .filter(node -> runner.gate().probe(ask(interaction, node, wanted.get())).allowed())
                .limit(MAX_NODES)
                .toList();
    }

    /** The request a click on "Run it on {@code node}" makes, as the interaction tells it. */
    static ProbeAsk ask(Interaction interaction, String node, StepProbe wanted) {
        return ProbeCommand.ask(interaction, EntryPoint.BUTTON, node, wanted.probe(), wanted.argument());
    }

    /**
     * The probe the step asks for, when a node may run it and its argument is known: empty for a
     * question, a pasted-only probe, or a command whose VM id or PCI address is still a placeholder.
     */
    static Optional<StepProbe> of(Step step) {
        if (!(step.ask() instanceof Ask.RunProbe r)) {
            return Optional.empty();
        }
        Optional<Probe> probe = RemoteProbes.byId(r.probe());
        if (probe.isEmpty()) {
            return Optional.empty();
        }
        ArgumentKind kind = RemoteProbes.argument(probe.get());
        if (kind == ArgumentKind.NONE) {
            return Optional.of(new StepProbe(probe.get(), null));
        }
        return argument(probe.get().command(), r.command(), kind).map(a -> new StepProbe(probe.get(), a));
    }

    /**
     * The value the filled command has where the template has its placeholder, if it is one valid
     * argument. A bus address as {@code lspci} prints it ({@code 01:00.0}) is taken as domain 0000,
     * the only domain of nearly every host and the one {@code lspci -s} assumes too.
     */
    static Optional<String> argument(String template, String filled, ArgumentKind kind) {
        String placeholder = kind == ArgumentKind.VMID ? "<VMID>" : "<PCI>";
        int at = template.indexOf(placeholder);
        if (at < 0) {
            return Optional.empty();
        }
        String prefix = template.substring(0, at);
        String suffix = template.substring(at + placeholder.length());
        if (!filled.startsWith(prefix) || !filled.endsWith(suffix) || filled.length() <= prefix.length() + suffix.length()) {
            return Optional.empty();
        }
        String value = filled.substring(prefix.length(), filled.length() - suffix.length());
        if (kind == ArgumentKind.PCI) {
            value = value.toLowerCase(Locale.ROOT);
            if (value.matches("[0-9a-f]{2}:[0-9a-f]{2}\\.[0-7]")) {
                value = "0000:" + value;
            }
        }
        return kind.accepts(value) ? Optional.of(value) : Optional.empty();
    }
}
