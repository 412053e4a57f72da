package dev.pcibot.bot.probe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pcibot.kb.diagnose.Probe;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Probes over the node's PVE REST API with an API token (the zero-install path, probes.md §2):
 * the IOMMU groups and the device list from {@code hardware/pci}, a VM's configuration (cut to an
 * allow-list of keys), kernel release and PVE version from {@code status} and {@code version}, and
 * the boot's IOMMU and remapping lines from the {@code journal}. The rest ({@code lspci}, modules,
 * {@code /proc/cmdline}, modprobe files) has no endpoint: those need the SSH transport.
 */
public final class PveApiTransport implements ProbeTransport {
    /** The kernel prints its IOMMU lines in the first seconds of a boot; this much journal is read. */
    static final Duration BOOT_WINDOW = Duration.ofMinutes(5);
    private static final Map<String, String> ALL_DEVICES = Map.of("pci-class-blacklist", "", "verbose", "1");

    private final ProbeNode node;
    private final PveApiClient client;
    private final Clock clock;

    public PveApiTransport(ProbeNode node) {
        this(node, Clock.systemUTC());
    }

    PveApiTransport(ProbeNode node, Clock clock) {
        this.node = node;
        this.client = new PveApiClient(node);
        this.clock = clock;
    }

    @Override
    public String name() {
        return ProbeNode.API;
    }

    @Override
    public ProbeOutput run(ProbeCall call) throws ProbeFailure {
        long start = System.nanoTime();
        Instant deadline = Instant.now().plus(call.timeout());
        String text = switch (call.probe()) {
            case IOMMU_GROUPS -> PveApiOutputs.groups(pci(deadline));
            case PCI_JSON -> PveApiOutputs.pciJson(pci(deadline));
            case QM_CONFIG -> QmConfigRedactor.redact(client.get(nodePath("/qemu/" + vmid(call) + "/config"), Map.of(), deadline));
            case NODE_STATUS -> PveApiOutputs.kernelRelease(status(deadline));
            case VERSION -> PveApiOutputs.version(client.get(nodePath("/version"), Map.of(), deadline), status(deadline));
            case KERNEL_IOMMU -> PveApiOutputs.kernelLines(bootJournal(deadline), PveApiOutputs.IOMMU_LINES);
            case IRQ_REMAPPING -> PveApiOutputs.kernelLines(bootJournal(deadline), PveApiOutputs.REMAPPING_LINES);
            default -> throw new ProbeFailure(ProbeFailure.Kind.NOT_SUPPORTED, "`" + call.probe().id() + "` needs the SSH"
                    + " transport: the PVE API has no endpoint for it. Paste the output of `"
                    + call.probe().command(call.argument()) + "` instead, or set `" + node.name() + "` up for SSH probes.");
        };
        OutputCap.Capped capped = OutputCap.cap(text, call.maxBytes());
        return new ProbeOutput(capped.text(), capped.bytes(), capped.truncated(), 0, Duration.ofNanos(System.nanoTime() - start));
    }

    private JsonNode pci(Instant deadline) throws ProbeFailure {
        return client.get(nodePath("/hardware/pci"), ALL_DEVICES, deadline);
    }

    private JsonNode status(Instant deadline) throws ProbeFailure {
        return client.get(nodePath("/status"), Map.of(), deadline);
    }

    /** The journal of this boot's first minutes: boot = now - uptime (older PVE has no kernel filter). */
    private JsonNode bootJournal(Instant deadline) throws ProbeFailure {
        long uptime = status(deadline).path("uptime").asLong(-1);
        if (uptime < 0) {
            throw new ProbeFailure(ProbeFailure.Kind.NODE_ERROR, "`" + node.name() + "` did not say how long it has been up.");
        }
        long boot = clock.instant().getEpochSecond() - uptime;
        return client.get(nodePath("/journal"), Map.of("since", Long.toString(boot - 5),
                "until", Long.toString(boot + BOOT_WINDOW.toSeconds())), deadline);
    }

    private String nodePath(String rest) {
        return "/nodes/" + node.pveNode() + rest;
    }

    /** Checked again here: whatever calls a transport, only a VM id goes into the path. */
    private static String vmid(ProbeCall call) throws ProbeFailure {
        String id = call.argument();
        if (id == null || !ArgumentKind.VMID.accepts(id)) {
            throw new ProbeFailure(ProbeFailure.Kind.NODE_ERROR, "qm-config needs " + ArgumentKind.VMID.described() + ".");
        }
        return id;
    }

    static boolean supports(Probe probe) {
        return switch (probe) {
            case IOMMU_GROUPS, PCI_JSON, QM_CONFIG, NODE_STATUS, VERSION, KERNEL_IOMMU, IRQ_REMAPPING -> true;
            default -> false;
        };
    }
}
