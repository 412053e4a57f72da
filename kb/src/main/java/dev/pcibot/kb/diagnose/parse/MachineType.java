package dev.pcibot.kb.diagnose.parse;

import org.jspecify.annotations.Nullable;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * A VM's {@code machine:} setting: {@code q35}, {@code pc-q35-8.1+pve0}, {@code pc-i440fx-8.1},
 * {@code q35,viommu=virtio}. Without the key QEMU's default {@code pc} (i440fx) applies.
 *
 * @param raw the value as written ("" when absent)
 * @param type the machine type ({@code pc-q35-8.1+pve0}, {@code pc} when absent)
 * @param version the pinned QEMU machine version ({@code 8.1}), or null for "latest"
 * @param viommu the emulated IOMMU ({@code intel}, {@code virtio}), or null
 * @param defaulted true when the config has no {@code machine:} line
 */
public record MachineType(
        String raw,
        String type,
        @Nullable String version,
        @Nullable String viommu,
        boolean defaulted) {
    private static final Pattern VERSION = Pattern.compile("-(\\d+\\.\\d+)(?:\\+pve\\d+)?$");

    static MachineType of(@Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            return new MachineType("", "pc", null, null, true);
        }
        String type = "";
        String viommu = null;
        for (String item : raw.split(",")) {
            String s = item.strip();
            if (s.startsWith("type=")) {
                type = s.substring(5);
            } else if (s.startsWith("viommu=")) {
                viommu = s.substring(7);
            } else if (!s.contains("=") && type.isEmpty()) {
                type = s;
            }
        }
        Matcher m = VERSION.matcher(type);
        return new MachineType(raw.strip(), type, m.find() ? m.group(1) : null, viommu, false);
    }

    /** A q35 (PCIe) machine; {@code pcie=1} on a hostpci needs it. */
    public boolean q35() {
        return type.contains("q35");
    }
}
