package dev.pcibot.kb.diagnose.parse;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * Proxmox VE versions as {@code pveversion} or {@code pveversion -v} printed them.
 *
 * @param packages package to version ({@code pve-manager} to {@code 8.2.4})
 * @param runningKernel from {@code (running kernel: 6.8.8-2-pve)}
 * @param notInstalled packages shown as {@code not correctly installed}
 * @param unparsed lines not understood
 */
public record PveVersionOutput(
        Map<String, String> packages,
        @Nullable String runningKernel,
        List<String> notInstalled,
        List<String> unparsed)
        implements ParsedOutput {
    private static final Pattern KERNEL_PACKAGE =
            Pattern.compile("^(?:proxmox|pve)-kernel-(\\d+\\.\\d+\\.\\d+-\\d+-pve)(?:-signed)?$");

    public PveVersionOutput {
        packages = Map.copyOf(packages);
        notInstalled = List.copyOf(notInstalled);
        unparsed = List.copyOf(unparsed);
    }

    public Optional<String> version(String packageName) {
        return Optional.ofNullable(packages.get(packageName));
    }

    /** {@code pve-manager}'s version: the Proxmox VE release ({@code 8.2.4}). */
    public Optional<VersionNumber> manager() {
        return version("pve-manager").map(VersionNumber::of);
    }

    /** The Proxmox VE major release (7, 8, 9). */
    public Optional<Integer> pveMajor() {
        return manager().map(VersionNumber::major);
    }

    public Optional<VersionNumber> runningKernelVersion() {
        return Optional.ofNullable(runningKernel)
                .map(k -> VersionNumber.of(k.replaceFirst("-[A-Za-z].*$", "")));
    }

    public Optional<VersionNumber> qemuServer() {
        return version("qemu-server").map(VersionNumber::of);
    }

    /** The QEMU build ({@code pve-qemu-kvm}). */
    public Optional<VersionNumber> pveQemuKvm() {
        return version("pve-qemu-kvm").map(VersionNumber::of);
    }

    /**
     * Kernel releases with an installed package ({@code 6.8.8-2-pve}): candidates to pin or boot.
     */
    public List<String> installedKernels() {
        List<String> kernels = new ArrayList<>();
        packages.keySet().stream()
                .sorted()
                .forEach(
                        name -> {
                            Matcher m = KERNEL_PACKAGE.matcher(name);
                            if (m.matches() && !kernels.contains(m.group(1))) {
                                kernels.add(m.group(1));
                            }
                        });
        return kernels;
    }
}
