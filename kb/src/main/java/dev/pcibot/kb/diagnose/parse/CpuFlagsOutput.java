package dev.pcibot.kb.diagnose.parse;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether the CPU offers hardware virtualization, as {@code egrep -c '(vmx|svm)' /proc/cpuinfo}, a
 * {@code grep} of the flags lines, or {@code lscpu} told it.
 *
 * @param count the number {@code egrep -c} printed (one per logical CPU with the flag), or null
 * @param vmxLines flags lines (or {@code grep -o} matches) naming {@code vmx} (Intel VT-x)
 * @param svmLines flags lines (or {@code grep -o} matches) naming {@code svm} (AMD-V)
 * @param flagLines how many flags lines or {@code grep -o} matches were seen in all
 * @param lscpu {@code lscpu} / {@code /proc/cpuinfo} fields, key to value ({@code Virtualization})
 * @param warnings grep's own notes ({@code egrep: warning: egrep is obsolescent})
 * @param unparsed lines not understood
 */
public record CpuFlagsOutput(
        @Nullable Integer count,
        int vmxLines,
        int svmLines,
        int flagLines,
        Map<String, String> lscpu,
        List<String> warnings,
        List<String> unparsed)
        implements ParsedOutput {
    public CpuFlagsOutput {
        lscpu = Map.copyOf(lscpu);
        warnings = List.copyOf(warnings);
        unparsed = List.copyOf(unparsed);
    }

    /**
     * True when virtualization is on, false when the output shows it is off (count 0, flags without
     * vmx/svm, lscpu without a Virtualization line), empty when the output does not tell.
     */
    public Optional<Boolean> virtualizationSupported() {
        if (count != null) {
            return Optional.of(count > 0);
        }
        if (flagLines > 0) {
            return Optional.of(vmxLines + svmLines > 0);
        }
        if (lscpu.containsKey("Virtualization")) {
            return Optional.of(true);
        }
        // lscpu prints no Virtualization line at all when the CPU (or firmware) hides VT-x/AMD-V
        return lscpu.containsKey("Architecture") ? Optional.of(false) : Optional.empty();
    }

    /** {@code VT-x} or {@code AMD-V}, from lscpu or from the flag seen. */
    public Optional<String> technology() {
        if (lscpu.containsKey("Virtualization")) {
            return Optional.of(lscpu.get("Virtualization"));
        }
        if (vmxLines > 0) {
            return Optional.of("VT-x");
        }
        return svmLines > 0 ? Optional.of("AMD-V") : Optional.empty();
    }

    /** lscpu's {@code Hypervisor vendor} ({@code KVM}): the "host" is itself a VM (nested). */
    public Optional<String> hypervisor() {
        return Optional.ofNullable(lscpu.get("Hypervisor vendor"));
    }
}
