package dev.pcibot.kb.diagnose;

import java.util.List;
import java.util.Map;

/**
 * What the diagnosis made of one paste.
 *
 * @param parts each part of the paste and what it was taken for (unknown parts included)
 * @param host host-wide facts by name (kernel, PVE version, IOMMU state, boot loader, ...)
 * @param devices the joined device picture
 * @param findings worst first; {@code none} when the output looks healthy, {@code insufficient-info}
 *     when nothing in it bears on a problem
 * @param nextSteps the probes whose output would decide what this paste could not
 * @param notChecked what the paste did not let us check (so "no findings" is not read as "healthy")
 * @param notices what the reader should know about the input itself (lines cut at 64 KiB, bytes
 *     that were not UTF-8 and were decoded leniently), empty when nothing was odd
 */
public record Diagnosis(
        List<RecognizedPart> parts,
        Map<String, String> host,
        List<DeviceView> devices,
        List<Finding> findings,
        List<NextStep> nextSteps,
        List<String> notChecked,
        List<String> notices) {
    public Diagnosis {
        parts = List.copyOf(parts);
        host = Map.copyOf(host);
        devices = List.copyOf(devices);
        findings = List.copyOf(findings);
        nextSteps = List.copyOf(nextSteps);
        notChecked = List.copyOf(notChecked);
        notices = List.copyOf(notices);
    }
}
