package dev.pcibot.kb.diagnose;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a kernel log line comes from after the point where the kernel reports interrupt
 * remapping. Users trim logs: a {@code dmesg | grep -i dmar} cut after {@code DMAR: Host address
 * width} has the IOMMU on and no {@code DMAR-IR: Enabled IRQ remapping} line only because the paste
 * stops before it. The absence means something only when the log goes on past the report: a line
 * the kernel prints later (the IOMMU's own later start-up lines, devices added to groups) or a
 * timestamp well past any IOMMU start-up.
 */
final class RemappingPoint {
    /** Messages printed after the remapping report, Intel and AMD (mainline dmar.c, intel/iommu.c, amd/init.c). */
    private static final List<String> LATER_MESSAGES = List.of(
            "DMAR-IR:", // the remapping report's own lines: when one shows, the report would too
            "Intel(R) Virtualization Technology for Directed I/O",
            "Using Queued invalidation",
            "Adding to iommu group",
            "iommu: Default domain type",
            "AMD-Vi: Interrupt remapping",
            "AMD-Vi: Virtual APIC enabled",
            "perf/amd_iommu",
            "AMD-Vi: Lazy IO/TLB flushing",
            "remapping enabled",
            "Queued invalidation will be enabled");

    /** Far past the IOMMU's start-up on any machine; a log that reaches it is not cut before the report. */
    private static final double LATE_SECONDS = 10.0;

    private static final Pattern TIMESTAMP = Pattern.compile("^\\[\\s{0,12}(\\d{1,9})\\.\\d{1,9}\\]");

    private RemappingPoint() {}

    static boolean passed(String line, String message) {
        for (String later : LATER_MESSAGES) {
            if (message.contains(later)) {
                return true;
            }
        }
        Matcher m = TIMESTAMP.matcher(line);
        return m.find() && Long.parseLong(m.group(1)) >= LATE_SECONDS;
    }
}
