package dev.pcibot.kb.diagnose.rule;

import dev.pcibot.kb.diagnose.Facts;
import dev.pcibot.kb.diagnose.PastePart;
import dev.pcibot.kb.diagnose.Probe;
import dev.pcibot.kb.diagnose.parse.QmConfigOutput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The VM configurations of a paste, one per VM: users paste {@code qm config 100 | grep hostpci}
 * and {@code qm config 100 | grep machine} as two outputs, which are one VM. Knows which keys the
 * paste could show: a key missing from a grep that did not ask for it is unknown, not absent.
 */
record QmConfigs(List<PastePart> parts, QmConfigOutput config, boolean complete, List<String> greppedFor) {
    static List<QmConfigs> of(Facts facts) {
        Map<String, List<PastePart>> byVm = new LinkedHashMap<>();
        for (PastePart part : facts.parts(Probe.QM_CONFIG)) {
            String vm = part.argument() == null ? "?" : part.argument();
            byVm.computeIfAbsent(vm, k -> new ArrayList<>()).add(part);
        }
        List<QmConfigs> found = new ArrayList<>();
        for (List<PastePart> parts : byVm.values()) {
            Map<String, String> merged = new LinkedHashMap<>();
            boolean complete = false;
            List<String> grepped = new ArrayList<>();
            for (PastePart part : parts) {
                if (facts.output(part).orElse(null) instanceof QmConfigOutput q) {
                    merged.putAll(q.config());
                }
                String command = part.command();
                if (command == null || !command.contains("grep")) {
                    complete = true;
                } else {
                    grepped.add(command);
                }
            }
            found.add(new QmConfigs(parts,
                    new QmConfigOutput(merged, Map.of(), Map.of(), List.of(), List.of()), complete, grepped));
        }
        return found;
    }

    /** Whether the paste would show this key if the VM had it (whole config, or a grep for it). */
    boolean shows(String key) {
        return complete || greppedFor.stream().anyMatch(c -> c.contains(key));
    }

    /** The pasted line of this key ({@code hostpci0:}), if the paste shows it. */
    Optional<String> line(String key) {
        for (PastePart part : parts) {
            Optional<String> line = part.quotedLineContaining(key + ":");
            if (line.isPresent()) {
                return line;
            }
        }
        return Optional.empty();
    }
}
