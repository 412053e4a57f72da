package dev.pcibot.kb.diagnose.rule;

import dev.pcibot.kb.diagnose.Detection;
import dev.pcibot.kb.diagnose.Facts;
import dev.pcibot.kb.diagnose.KnownDevices;
import dev.pcibot.kb.diagnose.PastePart;
import dev.pcibot.kb.diagnose.Probe;
import dev.pcibot.kb.diagnose.parse.LspciDevice;
import dev.pcibot.kb.diagnose.parse.LspciOutput;
import java.util.ArrayList;
import java.util.List;

/**
 * Cross-check: a GPU model with the AMD reset bug (content/diagnose/known-devices.tsv) fails to
 * start a VM, and vendor-reset is not at work (no AMD_... reset lines). Reset and SMU/PSP messages
 * that show the bug by themselves are rows of the message table. Text: content
 * findings/amd-reset-bug.md
 */
final class AmdResetBug implements Rule {
    @Override
    public String id() {
        return "amd-reset-bug";
    }

    @Override
    public List<Detection> evaluate(Facts facts) {
        if (!facts.has(Probe.VM_START_ERROR) || facts.messages().has("vendor-reset")) {
            return List.of();
        }
        List<String> evidence = new ArrayList<>();
        List<String> details = new ArrayList<>();
        for (PastePart part : facts.parts()) {
            if (!(facts.output(part).orElse(null) instanceof LspciOutput lspci)) {
                continue;
            }
            for (LspciDevice d : lspci.devices()) {
                if (d.vendorDevice() == null) {
                    continue;
                }
                KnownDevices.of(d.vendorDevice()).filter(k -> k.findingId().equals(id())).ifPresent(k -> {
                    part.quotedLineContaining(d.address().shortForm()).ifPresent(evidence::add);
                    details.add(d.address().shortForm() + " is an " + k.model() + "; " + k.note() + ".");
                });
            }
        }
        if (details.isEmpty()) {
            return List.of();
        }
        facts.parts(Probe.VM_START_ERROR).stream().findFirst()
                .flatMap(p -> p.quotedLines().stream().filter(l -> !l.isBlank()).findFirst())
                .ifPresent(evidence::add);
        return List.of(Detection.of(id(), evidence, String.join(" ", details)));
    }
}
