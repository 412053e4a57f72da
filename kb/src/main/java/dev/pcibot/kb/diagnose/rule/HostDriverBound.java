package dev.pcibot.kb.diagnose.rule;

import dev.pcibot.kb.diagnose.CardSiblings;
import dev.pcibot.kb.diagnose.Detection;
import dev.pcibot.kb.diagnose.Facts;
import dev.pcibot.kb.diagnose.PassthroughTargets;
import dev.pcibot.kb.diagnose.PastePart;
import dev.pcibot.kb.diagnose.parse.LspciDevice;
import dev.pcibot.kb.diagnose.parse.LspciOutput;
import dev.pcibot.kb.diagnose.parse.PciAddress;
import dev.pcibot.kb.diagnose.parse.QmConfigOutput;
import java.util.ArrayList;
import java.util.List;

/**
 * Fires when a function meant for a VM is held by a host driver (nvidia, nouveau, amdgpu, i915,
 * mpt3sas, ...). The functions meant for a VM are the passthrough targets; when the paste names
 * none, a short lspci of graphics cards (a grep or -s) counts as "this card". Quiet when vfio ids
 * are configured for it: then the ids were not applied, which is vfio-not-bound. Text: content
 * findings/host-driver-bound.md
 */
final class HostDriverBound implements Rule {
    private static final int FOCUSED_LSPCI = 6;

    @Override
    public String id() {
        return "host-driver-bound";
    }

    @Override
    public List<Detection> evaluate(Facts facts) {
        List<PciAddress> targets = PassthroughTargets.of(facts);
        List<String> ids = PassthroughTargets.vfioIds(facts);
        boolean mdev = facts.outputs(QmConfigOutput.class).stream()
                .anyMatch(q -> q.hostPcis().stream().anyMatch(h -> h.mdev().isPresent()));
        List<String> evidence = new ArrayList<>();
        List<String> details = new ArrayList<>();
        for (PastePart part : facts.parts()) {
            if (!(facts.output(part).orElse(null) instanceof LspciOutput lspci)) {
                continue;
            }
            boolean focused = targets.isEmpty() && lspci.devices().size() <= FOCUSED_LSPCI;
            for (LspciDevice d : lspci.devices()) {
                String driver = d.driverInUse();
                boolean wanted = targets.stream().anyMatch(t -> t.covers(d.address())) || (focused && d.isDisplay());
                if (!wanted || driver == null || driver.equals("vfio-pci") || driver.equals("pci-stub")
                        || (d.vendorDevice() != null && ids.contains(d.vendorDevice().toLowerCase()))
                        || mdev) { // mediated devices (GVT-g, vGPU) keep the host driver by design
                    continue;
                }
                part.quotedLineContaining(d.address().shortForm()).ifPresent(evidence::add);
                part.quotedLineContaining("Kernel driver in use: " + driver).ifPresent(evidence::add);
                details.add(d.address().shortForm() + " is held by " + driver + ".");
            }
        }
        if (facts.messages().finding("group-not-viable").isEmpty()) { // else group-not-viable names them
            for (CardSiblings.Sibling s : CardSiblings.of(facts)) {
                if (s.sameCard() && !displayCard(facts, s.device().address())) {
                    continue; // a multi-function NIC or HBA may have ACS between its functions
                }
                evidence.addAll(s.evidence());
                details.add(s.describe() + ", beside " + s.target().shortForm() + (s.sameCard()
                        ? " on the same card: the card's functions share one IOMMU group, so the VM cannot start"
                                + " (group ... is not viable) until it is on vfio-pci too."
                        : " in the same IOMMU group: the VM cannot start (group ... is not viable) until it is on"
                                + " vfio-pci too, or the group is split."));
            }
        }
        if (details.isEmpty()) {
            return List.of();
        }
        return List.of(Detection.of(id(), evidence.stream().distinct().toList(), String.join(" ", details)));
    }

    /** A GPU's card: one of the slot's functions is a display controller. */
    private static boolean displayCard(Facts facts, PciAddress address) {
        return facts.outputs(LspciOutput.class).stream().flatMap(l -> l.devices().stream())
                .anyMatch(d -> d.address().sameSlot(address) && d.isDisplay());
    }
}
