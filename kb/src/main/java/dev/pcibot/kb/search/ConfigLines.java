package dev.pcibot.kb.search;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Tells a line that goes into a file from a command to type. Guides put both in the same code
 * blocks ({@code nano /etc/default/grub} next to {@code GRUB_CMDLINE_LINUX_DEFAULT="..."}); shown
 * with a {@code $} prompt, a user pastes the configuration line into the shell, where it does
 * nothing or, worse, sets a shell variable and looks like it worked. The web page (app.js) draws
 * the same distinction with the same rules.
 */
public final class ConfigLines {
    private static final List<Pattern> FILE_LINE = List.of(
            Pattern.compile("^[A-Z_][A-Z0-9_]*="), // GRUB_CMDLINE_LINUX_DEFAULT="..."
            Pattern.compile("^(options|blacklist|softdep|install|alias)\\s"), // /etc/modprobe.d/*.conf
            Pattern.compile("^[a-z][a-z0-9_-]*:\\s"), // qm config: hostpci0: 01:00.0
            Pattern.compile("^(vfio[a-z0-9_]*|kvmgt)$"), // /etc/modules
            Pattern.compile("^(root|quiet|intel_iommu|amd_iommu|iommu|pcie_acs_override|video|initcall_blacklist)[=\\s]")); // /etc/kernel/cmdline

    private ConfigLines() {}

    /** Whether the line belongs in a configuration file rather than at a shell prompt. */
    public static boolean isFileLine(String line) {
        String trimmed = line.strip();
        return FILE_LINE.stream().anyMatch(p -> p.matcher(trimmed).find());
    }
}
