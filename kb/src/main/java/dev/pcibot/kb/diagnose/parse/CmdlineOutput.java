package dev.pcibot.kb.diagnose.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The kernel parameters a command line source sets, in the order the kernel sees them.
 *
 * @param params every parameter in effect, in order (for GRUB: GRUB_CMDLINE_LINUX, then
 *     GRUB_CMDLINE_LINUX_DEFAULT, as grub-mkconfig joins them)
 * @param source which file or command it came from
 * @param malformed tokens and lines that will not work as meant
 * @param grubVariables other {@code GRUB_*} settings of /etc/default/grub ({@code GRUB_TIMEOUT})
 * @param unparsed lines not understood
 */
public record CmdlineOutput(
        List<KernelParam> params,
        Source source,
        List<MalformedToken> malformed,
        Map<String, String> grubVariables,
        List<String> unparsed)
        implements ParsedOutput {

    /** Where a command line comes from; they differ in syntax and in who reads them. */
    public enum Source {
        /** {@code cat /proc/cmdline}: what the running kernel was booted with. */
        PROC_CMDLINE,
        /** {@code /etc/default/grub}: read by update-grub (GRUB installs). */
        GRUB_DEFAULT,
        /**
         * {@code /etc/kernel/cmdline}: bare parameters, read by proxmox-boot-tool (systemd-boot).
         */
        KERNEL_CMDLINE
    }

    // Parameters the kernel accepts several times on purpose (one console per device).
    private static final Set<String> REPEATABLE = Set.of("console");

    public CmdlineOutput {
        params = List.copyOf(params);
        malformed = List.copyOf(malformed);
        grubVariables = Map.copyOf(grubVariables);
        unparsed = List.copyOf(unparsed);
    }

    /** The last occurrence of {@code name} (the one that wins for most parameters). */
    public Optional<KernelParam> param(String name) {
        List<KernelParam> all = all(name);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    public List<KernelParam> all(String name) {
        return params.stream().filter(p -> p.is(name)).toList();
    }

    public boolean has(String name) {
        return !all(name).isEmpty();
    }

    /** The value of the last occurrence; empty for a missing parameter or a bare flag. */
    public Optional<String> value(String name) {
        return param(name).map(KernelParam::value);
    }

    /** Names (normalised) given more than once, in order of first appearance. */
    public List<String> duplicates() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        params.forEach(p -> counts.merge(p.normalizedName(), 1, Integer::sum));
        List<String> names = new ArrayList<>();
        counts.forEach(
                (name, n) -> {
                    if (n > 1 && !REPEATABLE.contains(name)) {
                        names.add(name);
                    }
                });
        return names;
    }
}
