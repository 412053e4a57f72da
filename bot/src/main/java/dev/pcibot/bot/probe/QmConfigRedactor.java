package dev.pcibot.bot.probe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A VM's configuration as {@code qm config} prints it, cut down to the keys passthrough needs
 * (an allow-list: anything PVE adds later stays out). {@code VM.Audit} reads descriptions, SSH
 * keys, cloud-init users, MAC addresses and SMBIOS serials too; none of that leaves the bot.
 * Disks that only matter by being there ({@code efidisk0}, {@code tpmstate0}) show as present.
 */
final class QmConfigRedactor {
    private static final Pattern KEPT = Pattern.compile(
            "hostpci\\d{1,2}|machine|bios|vga|cpu|memory|balloon|numa|ostype|cores|sockets|kvm|hugepages|args");
    private static final Pattern PRESENCE = Pattern.compile("efidisk0|tpmstate0");
    // -object secret,id=x,data=..., password=..., key=...: the value up to the next comma or space
    private static final Pattern SECRET_VALUE =
            Pattern.compile("(?i)\\b((?:password|passwd|pass|secret|token|key|data)=)[^,\\s]+");

    private QmConfigRedactor() {}

    static String redact(JsonNode config) {
        Map<String, String> kept = new TreeMap<>(QmConfigRedactor::qmOrder);
        for (Iterator<Map.Entry<String, JsonNode>> it = config.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            String value = oneLine(e.getValue().asText());
            if (KEPT.matcher(key).matches()) {
                kept.put(key, key.equals("args") ? SECRET_VALUE.matcher(value).replaceAll("$1***") : value);
            } else if (PRESENCE.matcher(key).matches()) {
                kept.put(key, "present");
            }
        }
        List<String> lines = new ArrayList<>();
        kept.forEach((k, v) -> lines.add(k + ": " + v));
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }

    /** Alphabetical as {@code qm config}, with hostpci2 before hostpci10. */
    private static int qmOrder(String a, String b) {
        String pa = a.replaceAll("\\d+$", "");
        String pb = b.replaceAll("\\d+$", "");
        if (pa.equals(pb) && !pa.equals(a) && !pb.equals(b)) {
            return Integer.compare(Integer.parseInt(a.substring(pa.length())), Integer.parseInt(b.substring(pb.length())));
        }
        return a.compareTo(b);
    }

    private static String oneLine(String value) {
        return value.replaceAll("[\\r\\n]+", " ");
    }
}
