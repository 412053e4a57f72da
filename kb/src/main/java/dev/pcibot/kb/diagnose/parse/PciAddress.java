package dev.pcibot.kb.diagnose.parse;

import org.jspecify.annotations.Nullable;

import java.util.Locale;
import java.util.Optional;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * A PCI address as tools print it: lspci without {@code -D} omits the domain ({@code 01:00.0}),
 * sysfs and pvesh always print it ({@code 0000:01:00.0}), and a VM's {@code hostpci0: 01:00} leaves
 * out the function to mean "all functions". Compare addresses through this record, never as text.
 *
 * @param domain PCI domain (segment), 0 when the tool left it out
 * @param bus bus number
 * @param device device (slot) number
 * @param function function number, or null when the address names every function of the slot
 */
public record PciAddress(int domain, int bus, int device, @Nullable Integer function) {
    private static final Pattern SHAPE =
            Pattern.compile(
                    "(?:([0-9a-fA-F]{4,8}):)?([0-9a-fA-F]{2}):([0-9a-fA-F]{2})(?:\\.([0-7]))?");

    /** Reads {@code 0000:01:00.0}, {@code 01:00.0} or {@code 01:00}; empty for anything else. */
    public static Optional<PciAddress> parse(String text) {
        Matcher m = SHAPE.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(of(m));
    }

    /** Like {@link #parse} but for callers that already matched the shape (tests, constants). */
    public static PciAddress of(String text) {
        return parse(text)
                .orElseThrow(() -> new IllegalArgumentException("not a PCI address: " + text));
    }

    static PciAddress of(Matcher m) {
        int domain = m.group(1) == null ? 0 : Integer.parseInt(m.group(1), 16);
        Integer function = m.group(4) == null ? null : Integer.valueOf(m.group(4));
        return new PciAddress(
                domain,
                Integer.parseInt(m.group(2), 16),
                Integer.parseInt(m.group(3), 16),
                function);
    }

    /** The whole slot this function sits in ({@code 01:00}): every function of the card. */
    public PciAddress slot() {
        return new PciAddress(domain, bus, device, null);
    }

    /** True when this address names every function of its slot ({@code 01:00}). */
    public boolean allFunctions() {
        return function == null;
    }

    /** Same domain, bus and device: the functions of one card (GPU and its HDMI audio). */
    public boolean sameSlot(PciAddress other) {
        return domain == other.domain && bus == other.bus && device == other.device;
    }

    /**
     * True when this address names {@code other}: equal, or this one names the whole slot ({@code
     * 01:00} covers {@code 0000:01:00.1}).
     */
    public boolean covers(PciAddress other) {
        return sameSlot(other) && (function == null || function.equals(other.function));
    }

    /** True when {@code text} is an address naming the same function (domain form or short). */
    public boolean matches(String text) {
        return parse(text).map(this::equals).orElse(false);
    }

    /** The form without the domain, as lspci prints it: {@code 01:00.0}. */
    public String shortForm() {
        String slot = String.format(Locale.ROOT, "%02x:%02x", bus, device);
        return function == null ? slot : slot + "." + function;
    }

    /** The domain form, as sysfs and pvesh print it: {@code 0000:01:00.0}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%04x:", domain) + shortForm();
    }
}
