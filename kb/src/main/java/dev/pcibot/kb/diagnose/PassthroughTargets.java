package dev.pcibot.kb.diagnose;

import dev.pcibot.kb.diagnose.parse.HostPci;
import dev.pcibot.kb.diagnose.parse.KernelParam;
import dev.pcibot.kb.diagnose.parse.LspciDevice;
import dev.pcibot.kb.diagnose.parse.LspciOutput;
import dev.pcibot.kb.diagnose.parse.ModulesOutput;
import dev.pcibot.kb.diagnose.parse.PciAddress;
import dev.pcibot.kb.diagnose.parse.QmConfigOutput;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * Which PCI functions the user means to pass through, from everything in the paste: hostpci
 * entries, functions already on vfio-pci, vfio-pci ids, the functions error messages name, and
 * addresses the user wrote in prose ("trying to pass the 1080 (01:00)"). Isolation and binding
 * rules judge these, not every device on the host.
 */
public final class PassthroughTargets {
    // in prose a bare "10:00" is more often a time than a bus:device: require a domain, a function
    // or parentheses
    private static final Pattern PROSE_ADDRESS = Pattern.compile(
            "\\b[0-9A-Fa-f]{4}:[0-9A-Fa-f]{2}:[0-9A-Fa-f]{2}(?:\\.[0-7])?\\b|\\b[0-9A-Fa-f]{2}:[0-9A-Fa-f]{2}\\.[0-7]\\b"
                    + "|\\(([0-9A-Fa-f]{2}:[0-9A-Fa-f]{2})\\)");

    private PassthroughTargets() {}

    /** The addresses, slot-only ones ({@code 01:00}) standing for every function of the card. */
    public static List<PciAddress> of(Facts facts) {
        Set<PciAddress> targets = new LinkedHashSet<>();
        for (QmConfigOutput qm : facts.outputs(QmConfigOutput.class)) {
            for (HostPci h : qm.hostPcis()) {
                targets.addAll(h.hostAddresses());
            }
        }
        Set<String> ids = new LinkedHashSet<>(vfioIds(facts));
        for (LspciOutput lspci : facts.outputs(LspciOutput.class)) {
            for (LspciDevice d : lspci.devices()) {
                boolean onVfio = "vfio-pci".equals(d.driverInUse());
                boolean idWanted = d.vendorDevice() != null && ids.contains(d.vendorDevice().toLowerCase(Locale.ROOT));
                if (onVfio || idWanted) {
                    targets.add(d.address());
                }
            }
        }
        for (String id : facts.messages().findingIds()) {
            for (MessageScan.Hit hit : facts.messages().finding(id)) {
                if (hit.device() != null) {
                    PciAddress.parse(hit.device()).ifPresent(targets::add);
                }
            }
        }
        for (MessageScan.Hit hit : facts.messages().fact("iommu-in-use")) {
            if (hit.device() != null) {
                PciAddress.parse(hit.device()).ifPresent(targets::add); // a function vfio-pci holds
            }
        }
        for (PastePart part : facts.parts()) {
            if (part.kind() == null) {
                part.lines().forEach(line -> prose(line, targets));
            } else if (part.kind().isLog()) {
                part.lines().forEach(line -> named(line, targets));
            }
            if ((part.kind() == Probe.LSPCI_DEV || part.kind() == Probe.LSPCI_VV) && part.argument() != null) {
                PciAddress.parse(part.argument()).ifPresent(targets::add); // the device the listing was filtered to
            }
        }
        // nobody passes a bridge or root port: a listing filtered to one was to see what hangs off it
        for (LspciOutput lspci : facts.outputs(LspciOutput.class)) {
            for (LspciDevice d : lspci.devices()) {
                if (d.isBridge()) {
                    targets.remove(d.address());
                }
            }
        }
        return new ArrayList<>(targets);
    }

    /**
     * The slots (bus:device, every function) of the cards the targets belong to: a function of one
     * card is judged with its siblings, since they share the card's IOMMU group.
     */
    public static List<PciAddress> cards(Facts facts) {
        Set<PciAddress> slots = new LinkedHashSet<>();
        for (PciAddress t : of(facts)) {
            slots.add(t.slot());
        }
        return new ArrayList<>(slots);
    }

    // QEMU and libvirt name the device they were handed: "-device vfio-pci,host=0000:01:00.0",
    // "vfio 0000:01:00.0: group 1 is not viable"
    private static final Pattern NAMED_IN_ERROR = Pattern.compile(
            "(?:host=|vfio |vfio-pci |hostdev\\d? )((?:[0-9A-Fa-f]{4}:)?[0-9A-Fa-f]{2}:[0-9A-Fa-f]{2}\\.[0-7])");

    private static void named(String line, Set<PciAddress> targets) {
        if (!line.contains("host=") && !line.contains("vfio")) {
            return;
        }
        Matcher m = NAMED_IN_ERROR.matcher(line);
        while (m.find()) {
            PciAddress.parse(m.group(1)).ifPresent(targets::add);
        }
    }

    /** The vendor:device ids configured for vfio-pci (modprobe.d options or vfio-pci.ids=), lower case. */
    public static List<String> vfioIds(Facts facts) {
        Set<String> ids = new LinkedHashSet<>();
        facts.outputs(ModulesOutput.class).forEach(m -> ids.addAll(m.vfioPciIds()));
        for (Cmdline c : facts.cmdlines()) {
            for (String name : List.of("vfio-pci.ids", "vfio_pci.ids")) {
                c.output().all(name).stream().map(KernelParam::value).filter(v -> v != null)
                        .forEach(v -> addIds(v, ids));
            }
        }
        return new ArrayList<>(ids);
    }

    private static void addIds(String value, Set<String> ids) {
        for (String id : value.split(",")) {
            if (!id.isBlank()) {
                ids.add(id.strip().toLowerCase(Locale.ROOT));
            }
        }
    }

    private static void prose(String line, Set<PciAddress> targets) {
        Matcher m = PROSE_ADDRESS.matcher(line);
        while (m.find()) {
            String text = m.group(1) != null ? m.group(1) : m.group();
            PciAddress.parse(text).ifPresent(targets::add);
        }
    }
}
