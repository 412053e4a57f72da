package dev.pcibot.kb.diagnose.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * Reads a VM configuration as {@code qm config VMID} prints it or as /etc/pve/qemu-server/VMID.conf
 * stores it (with {@code #} notes, {@code [snapshot]} and {@code [PENDING]} sections). Typical
 * input (all samples: test resources samples/qm-config/):
 *
 * <pre>
 * bios: ovmf
 * hostpci0: 0000:01:00,pcie=1,x-vga=1
 * machine: pc-q35-8.1
 * vga: none
 * </pre>
 */
public final class QmConfigParser implements Parser<QmConfigOutput> {
    private static final Pattern KEY_VALUE = Pattern.compile("^([a-z][a-z0-9_-]*):\\s*(.*)$");
    private static final Pattern SECTION = Pattern.compile("^\\[([^\\]]+)\\]$");

    @Override
    public QmConfigOutput parse(String text) {
        Map<String, String> config = new LinkedHashMap<>();
        Map<String, Map<String, String>> snapshots = new LinkedHashMap<>();
        Map<String, String> pending = new LinkedHashMap<>();
        List<String> description = new ArrayList<>();
        List<String> unparsed = new ArrayList<>();
        Map<String, String> target = config;
        for (String line : TextLines.of(text)) {
            String s = line.strip();
            Matcher section = SECTION.matcher(s);
            Matcher kv = KEY_VALUE.matcher(s);
            if (s.isEmpty()) {
                continue;
            } else if (s.startsWith("#")) {
                // in a .conf, comments before the first section are the VM's notes
                if (target == config) {
                    description.add(s.substring(1));
                }
            } else if (section.matches()) {
                String name = section.group(1);
                target = "PENDING".equals(name) ? pending : new LinkedHashMap<>();
                if (!"PENDING".equals(name)) {
                    snapshots.put(name, target); // [special:cloudinit] lands here too, by name
                }
            } else if (kv.matches()) {
                target.put(kv.group(1), kv.group(2).strip());
            } else {
                unparsed.add(line);
            }
        }
        return new QmConfigOutput(config, snapshots, pending, description, unparsed);
    }
}
