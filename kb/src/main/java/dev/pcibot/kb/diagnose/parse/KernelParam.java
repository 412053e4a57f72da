package dev.pcibot.kb.diagnose.parse;

import org.jspecify.annotations.Nullable;

import java.util.Locale;

/**
 * One kernel parameter ({@code intel_iommu=on}, {@code quiet}, {@code vfio-pci.ids=10de:1b80}).
 *
 * @param name as written, before the first {@code =}
 * @param value what follows the first {@code =} with surrounding quotes removed; null for a flag
 * @param raw the token as written
 * @param origin where it came from: {@code cmdline}, or the GRUB variable holding it
 */
public record KernelParam(String name, @Nullable String value, String raw, String origin) {

    /** The kernel treats {@code -} and {@code _} in parameter names alike ({@code parameqn}). */
    public static String normalize(String name) {
        return name.replace('-', '_').toLowerCase(Locale.ROOT);
    }

    public String normalizedName() {
        return normalize(name);
    }

    /** True when this parameter has that name, {@code -}/{@code _} and case aside. */
    public boolean is(String otherName) {
        return normalizedName().equals(normalize(otherName));
    }
}
