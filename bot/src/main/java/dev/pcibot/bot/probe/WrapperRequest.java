package dev.pcibot.bot.probe;

import dev.pcibot.kb.diagnose.Probe;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The one line the SSH transport sends to the node's forced command: {@code <probe-id>} or {@code
 * <probe-id> <argument>}, the argument checked once more here against the same regexes as the bot's
 * options and the wrapper (probes.md D2). Nothing else ever goes into it.
 */
final class WrapperRequest {
    static final Pattern PCI = Pattern.compile("^[0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\\.[0-7]$");
    static final Pattern VMID = Pattern.compile("^[0-9]{3,9}$");

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
        @Nullable Pattern type = switch (probe) {
            case QM_CONFIG -> VMID;
            case LSPCI_DEV, LSPCI_VV -> PCI;
            default -> null;
        };
        if (type == null) {
            if (argument != null) {
                throw new IllegalArgumentException("probe " + probe.id() + " takes no argument");
            }
            return probe.id();
        }
        if (argument == null || !type.matcher(argument).matches()) {
            throw new IllegalArgumentException("probe " + probe.id() + " needs " + (type == VMID ? "a VM id" : "a PCI address")
                    + " (" + type.pattern() + ")");
        }
        return probe.id() + " " + argument;
    }
}
