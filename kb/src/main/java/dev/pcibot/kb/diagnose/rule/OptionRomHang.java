package dev.pcibot.kb.diagnose.rule;

import dev.pcibot.kb.diagnose.DeviceSightings;
import dev.pcibot.kb.diagnose.Detection;
import dev.pcibot.kb.diagnose.Facts;
import dev.pcibot.kb.diagnose.KnownDevices;
import dev.pcibot.kb.diagnose.Symptoms;
import dev.pcibot.kb.diagnose.parse.HostPci;
import dev.pcibot.kb.diagnose.parse.QmConfigOutput;
import java.util.ArrayList;
import java.util.List;

/**
 * Vendor knowledge: an HBA or RAID controller (SAS class 0107, RAID class 0104, or an LSI/Broadcom
 * model in known-devices.tsv) in a paste where the user says the VM hangs or never boots: the
 * controller's boot ROM is stalling SeaBIOS/OVMF, and ROM-Bar off skips it. Quiet when the hostpci
 * entry for it already has {@code rombar=0}. Screen-text rows of the message table cover the
 * cases without a device id. Text: content findings/option-rom-hang.md
 */
final class OptionRomHang implements Rule {
    @Override
    public String id() {
        return "option-rom-hang";
    }

    @Override
    public List<Detection> evaluate(Facts facts) {
        List<String> hangs = Symptoms.hangs(facts);
        if (hangs.isEmpty()) {
            return List.of();
        }
        List<String> evidence = new ArrayList<>();
        List<String> details = new ArrayList<>();
        for (DeviceSightings.Sighting s : DeviceSightings.of(facts)) {
            boolean storageController = s.classCode() != null && (s.classCode().startsWith("0107") || s.classCode().startsWith("0104"));
            boolean known = KnownDevices.of(s.vendorDevice()).map(k -> k.findingId().equals(id())).orElse(false);
            if (!(storageController || known) || romAlreadyOff(facts, s)) {
                continue;
            }
            evidence.add(s.line());
            details.add(s.address().shortForm() + " [" + s.vendorDevice() + "] is a storage controller whose boot ROM"
                    + " the VM firmware runs before the OS.");
        }
        if (details.isEmpty()) {
            storageByName(facts, evidence, details);
        }
        if (details.isEmpty()) {
            return List.of();
        }
        evidence.addAll(0, hangs.stream().limit(2).toList());
        return List.of(Detection.of(id(), evidence.stream().distinct().toList(), String.join(" ", details)));
    }

    // lspci without -nn names the class; users name the card
    private static final java.util.regex.Pattern STORAGE_NAME = java.util.regex.Pattern.compile(
            "(?i)Serial Attached SCSI controller|RAID bus controller|\\bLSI\\b|\\bSAS ?(?:2008|2308|3008|3408|3416)\\b"
                    + "|\\b(?:9211|9207|9217|9300|9305|9400)-\\d{1,2}[ie]\\b|\\bH[23]10\\b|\\bHBA\\b"
                    + "|\\bSmart Array\\b|\\bMegaRAID\\b|\\bPERC\\b");

    private static void storageByName(Facts facts, List<String> evidence, List<String> details) {
        if (facts.outputs(QmConfigOutput.class).stream().anyMatch(q -> q.hostPcis().stream()
                .anyMatch(h -> h.rombar().map(on -> !on).orElse(false)))) {
            return; // ROM-Bar is already off on an entry: the paste's hang is something else
        }
        for (dev.pcibot.kb.diagnose.PastePart part : facts.parts()) {
            for (int i = 0; i < part.lines().size(); i++) {
                if (STORAGE_NAME.matcher(part.lines().get(i)).find()) {
                    evidence.add(part.quotedLines().get(i));
                    details.add("The device passed through is a storage controller (HBA/RAID) whose boot ROM the VM"
                            + " firmware runs before the OS.");
                    return;
                }
            }
        }
    }

    private static boolean romAlreadyOff(Facts facts, DeviceSightings.Sighting s) {
        for (QmConfigOutput qm : facts.outputs(QmConfigOutput.class)) {
            for (HostPci h : qm.hostPcis()) {
                if (h.covers(s.address()) && h.rombar().map(on -> !on).orElse(false)) {
                    return true;
                }
            }
        }
        return false;
    }
}
