package dev.pcibot.kb.diagnose;

import dev.pcibot.kb.search.Citation;
import java.util.List;

/**
 * One conclusion the diagnosis drew, in words fit for the user.
 *
 * @param id the catalogue id (shared/design/findings.md), stable once shipped
 * @param severity how bad it is
 * @param title one line
 * @param evidence the input lines that triggered it, quoted exactly
 * @param meaning what it means (Markdown)
 * @param fix how to fix it on Proxmox VE (Markdown; commands in code blocks)
 * @param citations the guide sections that say so, best first
 * @param detail one sentence on what in this paste made us conclude it (empty when the evidence
 *     says it all), e.g. "the kernel parameter is set, yet no line shows the IOMMU coming up"
 */
public record Finding(
        String id,
        Severity severity,
        String title,
        List<String> evidence,
        String meaning,
        String fix,
        List<Citation> citations,
        String detail) {
    public Finding {
        evidence = List.copyOf(evidence);
        citations = List.copyOf(citations);
    }
}
