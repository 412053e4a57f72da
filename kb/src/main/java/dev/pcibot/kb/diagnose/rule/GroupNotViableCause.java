package dev.pcibot.kb.diagnose.rule;

import dev.pcibot.kb.diagnose.CardSiblings;
import dev.pcibot.kb.diagnose.Detection;
import dev.pcibot.kb.diagnose.Facts;
import dev.pcibot.kb.diagnose.MessageScan;
import java.util.ArrayList;
import java.util.List;

/**
 * Cross-check behind QEMU's (or DPDK's) {@code group N is not viable}: which function of the group
 * is still on a host driver. The textbook cause is the card's other function (HDMI audio on
 * snd_hda_intel beside the GPU on vfio-pci); the listing may show others in the group. The message
 * itself is a row of the pattern table; this adds the culprits to its evidence. Text: content
 * findings/group-not-viable.md
 */
final class GroupNotViableCause implements Rule {
    @Override
    public String id() {
        return "group-not-viable";
    }

    @Override
    public List<Detection> evaluate(Facts facts) {
        List<MessageScan.Hit> hits = facts.messages().finding(id());
        if (hits.isEmpty()) {
            return List.of();
        }
        List<String> evidence = new ArrayList<>();
        List<String> culprits = new ArrayList<>();
        for (CardSiblings.Sibling s : CardSiblings.of(facts)) {
            evidence.addAll(s.evidence());
            culprits.add(s.describe());
        }
        if (culprits.isEmpty()) {
            return List.of();
        }
        List<String> all = new ArrayList<>(hits.stream().map(MessageScan.Hit::line).toList());
        evidence.stream().filter(l -> !all.contains(l)).forEach(all::add);
        return List.of(Detection.of(id(), all, "In the group of the device to pass through, " + String.join(", ", culprits)
                + ": bind " + (culprits.size() == 1 ? "it" : "them") + " to vfio-pci as well (or pass the whole card)."));
    }
}
