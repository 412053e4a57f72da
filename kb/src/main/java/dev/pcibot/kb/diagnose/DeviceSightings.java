package dev.pcibot.kb.diagnose;

import dev.pcibot.kb.diagnose.parse.GroupMember;
import dev.pcibot.kb.diagnose.parse.IommuGroup;
import dev.pcibot.kb.diagnose.parse.IommuGroupsOutput;
import dev.pcibot.kb.diagnose.parse.LspciDevice;
import dev.pcibot.kb.diagnose.parse.LspciOutput;
import dev.pcibot.kb.diagnose.parse.PciAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Every PCI function whose vendor:device id the paste shows, wherever it shows it: lspci, a group
 * listing (shell loop or pvesh), or the kernel's enumeration line ({@code pci 0000:0b:00.0:
 * [1002:67df] type 00 class 0x030000}). Vendor knowledge (known-devices.tsv) is looked up on these.
 */
public final class DeviceSightings {
    /**
     * One function seen with its id.
     *
     * @param address where it sits
     * @param vendorDevice {@code 1002:67df}, lower case
     * @param classCode {@code 0300} when the output gave it
     * @param line the pasted line that shows it
     */
    public record Sighting(PciAddress address, String vendorDevice, @Nullable String classCode, String line) {}

    private DeviceSightings() {}

    public static List<Sighting> of(Facts facts) {
        Map<PciAddress, Sighting> seen = new LinkedHashMap<>();
        for (PastePart part : facts.parts()) {
            Object out = facts.output(part).orElse(null);
            if (out instanceof LspciOutput lspci) {
                for (LspciDevice d : lspci.devices()) {
                    if (d.vendorDevice() != null) {
                        String line = part.quotedLineContaining(d.address().shortForm()).orElse(d.address().shortForm());
                        seen.putIfAbsent(d.address(), new Sighting(d.address(), lower(d.vendorDevice()), d.classCode(), line));
                    }
                }
            } else if (out instanceof IommuGroupsOutput groups) {
                for (IommuGroup g : groups.groups()) {
                    for (GroupMember m : g.members()) {
                        if (m.vendorDevice() != null) {
                            String line = part.quotedLineContaining(m.address().shortForm(), m.address().toString())
                                    .orElse(m.address().shortForm());
                            seen.putIfAbsent(m.address(), new Sighting(m.address(), lower(m.vendorDevice()), m.classCode(), line));
                        }
                    }
                }
            }
        }
        for (MessageScan.Hit hit : facts.messages().fact("pci-id")) {
            if (hit.device() != null && hit.value() != null) {
                PciAddress.parse(hit.device()).ifPresent(a -> seen.putIfAbsent(a, new Sighting(a, lower(hit.value()), null, hit.line())));
            }
        }
        return new ArrayList<>(seen.values());
    }

    // lspci without -nn, or the user's words: the model names of the reset-bug generations
    private static final java.util.regex.Pattern AMD_RESET_BUG_NAME = java.util.regex.Pattern.compile(
            "(?i)\\b(?:Ellesmere|Baffin|Lexa|Polaris ?1[012]|Vega ?(?:10|20|56|64)|Navi ?(?:10|12|14)"
                    + "|RX ?(?:4[6-9]0|5[5-9]0|5[5-7]00(?: ?XT)?|Vega ?(?:56|64))|Radeon VII)\\b");

    /**
     * Lines that name a reset-bug model without its id: an lspci line without {@code -nn}
     * ({@code Ellesmere [Radeon RX 470/480/570/570X/580/580X/590]}) or the user's own words ("my RX
     * 580"). The model by name is weaker than by id, so callers pair it with the bug's symptom.
     */
    public static List<String> amdResetBugByName(Facts facts) {
        List<String> lines = new ArrayList<>();
        for (PastePart part : facts.parts()) {
            boolean lspci = facts.output(part).orElse(null) instanceof LspciOutput;
            if (part.kind() != null && !lspci) {
                continue;
            }
            for (int i = 0; i < part.lines().size(); i++) {
                String line = part.lines().get(i);
                boolean amd = !lspci || line.contains("AMD") || line.contains("ATI");
                if (amd && AMD_RESET_BUG_NAME.matcher(line).find()) {
                    lines.add(part.quotedLines().get(i));
                }
            }
        }
        return lines;
    }

    /** The sightings of models known-devices.tsv lists for this finding id. */
    public static List<Sighting> known(Facts facts, String findingId) {
        return of(facts).stream()
                .filter(s -> KnownDevices.of(s.vendorDevice()).map(k -> k.findingId().equals(findingId)).orElse(false))
                .toList();
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
