package dev.pcibot.kb.diagnose.rule;

import dev.pcibot.kb.diagnose.Detection;
import dev.pcibot.kb.diagnose.Facts;
import dev.pcibot.kb.diagnose.PastePart;
import dev.pcibot.kb.diagnose.parse.LspciDevice;
import dev.pcibot.kb.diagnose.parse.LspciOutput;
import java.util.ArrayList;
import java.util.List;

/**
 * Fires when lspci -vv shows a device that supports MSI with MSI off ({@code MSI: Enable-}) and
 * MSI-X not on either: legacy interrupts, the usual cause of crackling passthrough audio. Text:
 * content findings/msi-disabled.md
 */
final class MsiDisabled implements Rule {
    @Override
    public String id() {
        return "msi-disabled";
    }

    @Override
    public List<Detection> evaluate(Facts facts) {
        List<String> evidence = new ArrayList<>();
        List<String> details = new ArrayList<>();
        for (PastePart part : facts.parts()) {
            if (!(facts.output(part).orElse(null) instanceof LspciOutput lspci)) {
                continue;
            }
            for (LspciDevice d : lspci.devices()) {
                boolean msiOff = d.msiEnabled().map(on -> !on).orElse(false);
                boolean msixOn = d.msixEnabled().orElse(false);
                // with no driver bound nobody asked for interrupts yet: MSI off then means nothing
                if (msiOff && !msixOn && d.driverInUse() != null) {
                    part.quotedLineContaining(d.address().shortForm()).ifPresent(evidence::add);
                    part.quotedLineContaining("MSI: Enable-").ifPresent(evidence::add);
                    details.add(d.address().shortForm() + " supports MSI but runs without it.");
                }
            }
        }
        return details.isEmpty() ? List.of()
                : List.of(Detection.of(id(), evidence.stream().distinct().toList(), String.join(" ", details)));
    }
}
