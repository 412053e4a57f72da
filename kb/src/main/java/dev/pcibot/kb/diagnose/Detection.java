package dev.pcibot.kb.diagnose;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A finding id a rule or a message pattern concluded, before its user text is attached.
 *
 * @param id the catalogue id
 * @param evidence the lines, quoted exactly as pasted
 * @param detail one sentence on what in this paste made us say so (empty when the evidence says it)
 * @param ask the probe whose output would say more, or null
 * @param askArgument the VM id or PCI address for that probe's command, or null
 */
public record Detection(
        String id, List<String> evidence, String detail, @Nullable Probe ask, @Nullable String askArgument) {
    public Detection {
        evidence = List.copyOf(evidence);
    }

    public static Detection of(String id, List<String> evidence, String detail) {
        return new Detection(id, evidence, detail, null, null);
    }
}
