package dev.pcibot.bot.probe;

import dev.pcibot.kb.diagnose.Probe;
import org.jspecify.annotations.Nullable;

/**
 * The one line the SSH transport sends to the node's forced command: {@code <probe-id>} or {@code
 * <probe-id> <argument>}, the argument checked once more here by the bot's own {@link ArgumentKind}
 * (the wrapper applies the same regexes, probes.md D2). Nothing else ever goes into it. The wrapper
 * runs more of the catalogue than the API ({@code kernel-log}, {@code cpu-flags}), so the probe to
 * argument mapping is the catalogue's, not {@link RemoteProbes}'.
 */
final class WrapperRequest {

    private WrapperRequest() {}

    /** Whether the node's wrapper runs this probe at all ({@code vm-start-error} would start a VM). */
    static boolean runsOnNode(Probe probe) {
        return probe != Probe.VM_START_ERROR;
    }

    /**
     * The request line.
     *
     * @throws IllegalArgumentException when the argument is missing, extra or does not match its type:
     *     the caller skipped validation, and nothing is sent
     */
    static String line(Probe probe, @Nullable String argument) {
        ArgumentKind kind = switch (probe) {
            case QM_CONFIG -> ArgumentKind.VMID;
            case LSPCI_DEV, LSPCI_VV -> ArgumentKind.PCI;
            default -> ArgumentKind.NONE;
        };
        if (kind == ArgumentKind.NONE) {
            if (argument != null) {
                throw new IllegalArgumentException("probe " + probe.id() + " takes no argument");
            }
            return probe.id();
        }
        if (argument == null || !kind.accepts(argument)) {
            throw new IllegalArgumentException("probe " + probe.id() + " needs " + kind.described());
        }
        return probe.id() + " " + argument;
    }
}
