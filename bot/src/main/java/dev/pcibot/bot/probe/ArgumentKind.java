package dev.pcibot.bot.probe;

import java.util.regex.Pattern;

/**
 * The only two kinds of argument a probe takes (probes.md D2), each a whole-string match of ASCII
 * characters: nothing else reaches a node, neither over the API nor over SSH.
 */
public enum ArgumentKind {
    NONE("", null),
    /** {@code 0000:01:00.0}: domain, bus, device, function, lower-case hex as {@code lspci -D} prints. */
    PCI("a PCI address such as 0000:01:00.0", Pattern.compile("[0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\\.[0-7]")),
    /** A Proxmox VE VM id: 100 to 999999999. */
    VMID("a VM id from 100 to 999999999", Pattern.compile("[0-9]{3,9}"));

    private final String described;
    private final Pattern pattern;

    ArgumentKind(String described, Pattern pattern) {
        this.described = described;
        this.pattern = pattern;
    }

    /** What a valid value looks like, for the user. */
    public String described() {
        return described;
    }

    /** Whether {@code value} is exactly one argument of this kind (no spaces, no line breaks, ASCII only). */
    public boolean accepts(String value) {
        if (pattern == null || value.length() > 12) {
            return false;
        }
        if (!pattern.matcher(value).matches()) {
            return false;
        }
        return this != VMID || Long.parseLong(value) >= 100; // PVE reserves ids below 100
    }
}
