package dev.pcibot.kb.diagnose.parse;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Optional;

/**
 * The running kernel as {@code uname -r} or {@code uname -a} printed it.
 *
 * @param release {@code 6.8.12-4-pve}, or null when the output had none
 * @param hostname the node name ({@code uname -a} only)
 * @param build the build string ({@code #1 SMP PREEMPT_DYNAMIC PMX 6.8.12-4 (2024-11-06T15:04Z)})
 * @param machine {@code x86_64} ({@code uname -a} only)
 * @param unparsed lines not understood
 */
public record UnameOutput(
        @Nullable String release,
        @Nullable String hostname,
        @Nullable String build,
        @Nullable String machine,
        List<String> unparsed)
        implements ParsedOutput {
    public UnameOutput {
        unparsed = List.copyOf(unparsed);
    }

    /** The comparable part of the release: {@code 6.8.12-4} of {@code 6.8.12-4-pve}. */
    public Optional<VersionNumber> version() {
        return Optional.ofNullable(release)
                .map(r -> VersionNumber.of(r.replaceFirst("-[A-Za-z].*$", "")));
    }

    /** What follows the numbers ({@code pve}, {@code amd64}); empty for a bare version. */
    public Optional<String> flavour() {
        if (release == null) {
            return Optional.empty();
        }
        String tail = release.replaceFirst("^[0-9.\\-]+-?", "");
        return tail.isEmpty() ? Optional.empty() : Optional.of(tail);
    }

    /** A Proxmox VE kernel ({@code -pve} release). */
    public boolean proxmoxKernel() {
        return release != null && release.endsWith("-pve");
    }
}
