package dev.pcibot.kb.diagnose.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Splits a {@code hostpciN} value into host ids, mapping and options. */
final class HostPciReader {
    private HostPciReader() {}

    static HostPci read(int index, String value) {
        List<String> hosts = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        String mapping = null;
        String[] items = value.split(",");
        for (int i = 0; i < items.length; i++) {
            String item = items[i].strip();
            int eq = item.indexOf('=');
            if (eq < 0 && i == 0) {
                hosts.addAll(ids(item)); // the leading id may omit "host="
            } else if (item.startsWith("host=")) {
                hosts.addAll(ids(item.substring(5)));
            } else if (item.startsWith("mapping=")) {
                mapping = item.substring(8);
            } else if (eq > 0) {
                options.put(item.substring(0, eq), item.substring(eq + 1));
            } else if (!item.isEmpty()) {
                options.put(item, "");
            }
        }
        List<PciAddress> addresses = new ArrayList<>();
        hosts.forEach(h -> PciAddress.parse(h).ifPresent(addresses::add));
        return new HostPci(index, hosts, addresses, mapping, options, value);
    }

    private static List<String> ids(String text) {
        List<String> ids = new ArrayList<>();
        for (String id : text.split(";")) {
            if (!id.isBlank()) {
                ids.add(id.strip());
            }
        }
        return ids;
    }
}
