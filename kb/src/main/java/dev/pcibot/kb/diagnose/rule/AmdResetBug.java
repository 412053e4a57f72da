package dev.pcibot.kb.diagnose.rule;

import dev.pcibot.kb.diagnose.DeviceSightings;
import dev.pcibot.kb.diagnose.Detection;
import dev.pcibot.kb.diagnose.Facts;
import dev.pcibot.kb.diagnose.KnownDevices;
import dev.pcibot.kb.diagnose.Probe;
import dev.pcibot.kb.diagnose.Symptoms;
import java.util.ArrayList;
import java.util.List;

/**
 * Vendor knowledge: a GPU model with the AMD reset bug (Polaris, Vega, Navi; content/diagnose/
 * known-devices.tsv), seen anywhere in the paste (lspci, a group listing, the kernel's enumeration
 * line), with the bug's symptom: the VM fails to start (a start error in the paste) or the user says
 * it works once and fails on a later start. Quiet when vendor-reset is at work (its own lines say
 * how the reset went; failures are rows of the message table). Text: content findings/amd-reset-bug.md
 */
final class AmdResetBug implements Rule {
    @Override
    public String id() {
        return "amd-reset-bug";
    }

    @Override
    public List<Detection> evaluate(Facts facts) {
        if (facts.messages().has("vendor-reset")) {
            return List.of();
        }
        List<String> laterStart = Symptoms.failsOnLaterStart(facts);
        boolean startFails = facts.has(Probe.VM_START_ERROR);
        if (!startFails && laterStart.isEmpty()) {
            return List.of();
        }
        List<String> evidence = new ArrayList<>();
        List<String> details = new ArrayList<>();
        for (DeviceSightings.Sighting s : DeviceSightings.known(facts, id())) {
            KnownDevices.of(s.vendorDevice()).ifPresent(k -> {
                evidence.add(s.line());
                details.add(s.address().shortForm() + " [" + s.vendorDevice() + "] is an " + k.model() + "; " + k.note() + ".");
            });
        }
        if (details.isEmpty()) {
            List<String> named = DeviceSightings.amdResetBugByName(facts);
            if (named.isEmpty()) {
                return List.of();
            }
            evidence.add(named.get(0));
            details.add("The card is an AMD Polaris, Vega or Navi model, the generations with the reset bug.");
        }
        evidence.addAll(laterStart.stream().limit(2).toList());
        facts.parts(Probe.VM_START_ERROR).stream().findFirst()
                .flatMap(p -> p.quotedLines().stream().filter(l -> !l.isBlank()).findFirst())
                .ifPresent(evidence::add);
        if (!laterStart.isEmpty()) {
            details.add("It fails on a later start: the card does not come back from the reset when the VM stops.");
        }
        return List.of(Detection.of(id(), evidence.stream().distinct().toList(), String.join(" ", details)));
    }
}
