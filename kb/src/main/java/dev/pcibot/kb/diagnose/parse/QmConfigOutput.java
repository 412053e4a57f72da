package dev.pcibot.kb.diagnose.parse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * A VM's configuration ({@code qm config VMID} or /etc/pve/qemu-server/VMID.conf), the current
 * settings kept apart from snapshots and pending changes.
 *
 * @param config the current settings, key to value as written
 * @param snapshots snapshot sections by name ({@code [before-gpu]}), each its own settings
 * @param pending the {@code [PENDING]} section (changes applied at next start), empty if none
 * @param description the {@code #} comment lines at the top of a .conf (the VM's notes)
 * @param unparsed lines not understood
 */
public record QmConfigOutput(
        Map<String, String> config,
        Map<String, Map<String, String>> snapshots,
        Map<String, String> pending,
        List<String> description,
        List<String> unparsed)
        implements ParsedOutput {
    private static final Pattern HOSTPCI = Pattern.compile("^hostpci(\\d{1,2})$");
    private static final Pattern MEMORY = Pattern.compile("^(?:current=)?(\\d+)");

    public QmConfigOutput {
        config = Map.copyOf(config);
        Map<String, Map<String, String>> frozen = new java.util.LinkedHashMap<>();
        snapshots.forEach((name, settings) -> frozen.put(name, Map.copyOf(settings)));
        snapshots = java.util.Collections.unmodifiableMap(frozen);
        pending = Map.copyOf(pending);
        description = List.copyOf(description);
        unparsed = List.copyOf(unparsed);
    }

    public Optional<String> value(String key) {
        return Optional.ofNullable(config.get(key));
    }

    /** The current {@code hostpciN} entries by index. */
    public List<HostPci> hostPcis() {
        List<HostPci> list = new ArrayList<>();
        config.forEach(
                (key, value) -> {
                    Matcher m = HOSTPCI.matcher(key);
                    if (m.matches()) {
                        list.add(HostPciReader.read(Integer.parseInt(m.group(1)), value));
                    }
                });
        list.sort(Comparator.comparingInt(HostPci::index));
        return list;
    }

    public Optional<HostPci> hostPci(int index) {
        return hostPcis().stream().filter(h -> h.index() == index).findFirst();
    }

    public MachineType machine() {
        return MachineType.of(config.get("machine"));
    }

    /** {@code bios:}, {@code seabios} when absent (qemu-server's default). */
    public String bios() {
        return config.getOrDefault("bios", "seabios");
    }

    public boolean ovmf() {
        return "ovmf".equals(bios());
    }

    /** {@code vga:} ({@code none}, {@code std,memory=32}); empty when absent (default std). */
    public Optional<String> vga() {
        return value("vga");
    }

    public Optional<String> args() {
        return value("args");
    }

    public Optional<String> cpu() {
        return value("cpu");
    }

    /** {@code memory:} in MiB (a plain number, or {@code current=N} on PVE 8.1+). */
    public Optional<Integer> memoryMb() {
        return value("memory")
                .map(MEMORY::matcher)
                .filter(Matcher::find)
                .map(m -> Integer.valueOf(m.group(1)));
    }
}
