package dev.pcibot.kb.diagnose;

import dev.pcibot.kb.diagnose.parse.GroupMember;
import dev.pcibot.kb.diagnose.parse.IommuGroup;
import dev.pcibot.kb.diagnose.parse.IommuGroupsOutput;
import dev.pcibot.kb.diagnose.parse.LspciDevice;
import dev.pcibot.kb.diagnose.parse.LspciOutput;
import dev.pcibot.kb.diagnose.parse.PciAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The functions that share a passthrough target's IOMMU group but are still held by a host driver:
 * the other functions of the target's card (01:00.1 HDMI audio on snd_hda_intel beside 01:00.0 on
 * vfio-pci), and any function the group listing puts in the target's group. QEMU opens a group only
 * when every endpoint in it is on vfio-pci (or pci-stub, or no driver): these are what makes
 * {@code group N is not viable}.
 */
public final class CardSiblings {
    /**
     * One function on a host driver beside a target.
     *
     * @param device the function
     * @param target the target it shares the card or the group with
     * @param evidence the lspci lines that show it
     * @param sameCard whether it is a function of the target's own card
     */
    public record Sibling(LspciDevice device, PciAddress target, List<String> evidence, boolean sameCard) {
        /** "01:00.1 (Audio device) is held by snd_hda_intel". */
        public String describe() {
            String what = device.className() != null ? " (" + device.className() + ")" : "";
            return device.address().shortForm() + what + " is held by " + device.driverInUse();
        }
    }

    private CardSiblings() {}

    /**
     * Host-driver functions beside the targets that are claimed for a VM (on vfio-pci or wanted by
     * a hostpci entry). Functions whose ids are configured for vfio-pci are left out (then the ids
     * were not applied: vfio-not-bound).
     */
    public static List<Sibling> of(Facts facts) {
        List<PciAddress> targets = PassthroughTargets.of(facts);
        List<String> ids = PassthroughTargets.vfioIds(facts);
        List<Sibling> found = new ArrayList<>();
        for (PastePart part : facts.parts()) {
            if (!(facts.output(part).orElse(null) instanceof LspciOutput lspci)) {
                continue;
            }
            for (LspciDevice d : lspci.devices()) {
                if (!onHostDriver(d) || targets.stream().anyMatch(t -> t.covers(d.address()))
                        || (d.vendorDevice() != null && ids.contains(d.vendorDevice().toLowerCase(java.util.Locale.ROOT)))) {
                    continue;
                }
                for (PciAddress t : targets) {
                    // an APU's PSP and USB functions (AMD 1022) share the slot of its GPU (ATI 1002) but
                    // are other devices, often in groups of their own: only the card's companions count
                    boolean sameCard = t.sameSlot(d.address()) && companionOf(lspci, t, d);
                    boolean sameGroup = sameGroup(facts, t, d.address());
                    if ((sameCard || sameGroup) && claimed(lspci, t, facts)) {
                        List<String> evidence = new ArrayList<>();
                        part.quotedLineContaining(d.address().shortForm()).ifPresent(evidence::add);
                        part.quotedLineContaining("Kernel driver in use: " + d.driverInUse(), "drv=" + d.driverInUse())
                                .ifPresent(evidence::add);
                        found.add(new Sibling(d, t, evidence, sameCard));
                        break;
                    }
                }
            }
        }
        return found;
    }

    private static boolean companionOf(LspciOutput lspci, PciAddress target, LspciDevice d) {
        Optional<LspciDevice> own = lspci.devices().stream().filter(o -> target.covers(o.address())).findFirst();
        if (own.isEmpty() || own.get().vendorId() == null || d.vendorId() == null) {
            return true;
        }
        return own.get().vendorId().equalsIgnoreCase(d.vendorId()) && virtualFunction(own.get()) == virtualFunction(d);
    }

    private static boolean virtualFunction(LspciDevice d) {
        return d.description() != null && d.description().contains("Virtual Function");
    }

    private static boolean onHostDriver(LspciDevice d) {
        String driver = d.driverInUse();
        return driver != null && !driver.equals("vfio-pci") && !driver.equals("pci-stub") && !d.isBridge()
                && !driver.equals("pcieport");
    }

    /** The target is meant for a VM: vfio-pci holds it, or a hostpci entry or an error names it. */
    private static boolean claimed(LspciOutput lspci, PciAddress target, Facts facts) {
        Optional<LspciDevice> own = lspci.devices().stream().filter(d -> target.covers(d.address())).findFirst();
        if (own.isPresent()) {
            return "vfio-pci".equals(own.get().driverInUse()) || "pci-stub".equals(own.get().driverInUse());
        }
        return true; // named by a hostpci entry or an error, and not listed with a driver of its own
    }

    private static boolean sameGroup(Facts facts, PciAddress target, PciAddress other) {
        for (IommuGroupsOutput groups : facts.outputs(IommuGroupsOutput.class)) {
            for (IommuGroup g : groups.groups()) {
                boolean hasTarget = g.members().stream().map(GroupMember::address).anyMatch(target::covers);
                boolean hasOther = g.members().stream().map(GroupMember::address).anyMatch(other::equals);
                if (hasTarget && hasOther) {
                    return true;
                }
            }
        }
        return false;
    }
}
