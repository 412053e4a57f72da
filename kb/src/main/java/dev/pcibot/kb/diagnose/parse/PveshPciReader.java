package dev.pcibot.kb.diagnose.parse;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import com.google.re2j.Pattern;

/**
 * Reads {@code pvesh get /nodes/NODE/hardware/pci} as the box table pvesh prints on a terminal and
 * as {@code --output-format json}/{@code json-pretty} (also wrapped in the API's {@code {"data":
 * [...]}}). Columns are found by their header names, since pvesh's column set depends on the PVE
 * version and on {@code verbose}.
 *
 * <pre>
 * │ class    │ device │ id           │ iommugroup │ vendor │ device_name             │
 * ╞══════════╪════════╪══════════════╪════════════╪════════╪═════════════════════════╡
 * │ 0x030000 │ 0x1d01 │ 0000:01:00.0 │          1 │ 0x10de │ GP108 [GeForce GT 1030] │
 * </pre>
 */
final class PveshPciReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern BORDER =
            Pattern.compile("^[\\x{2500}-\\x{257F}+\\-=]+\\s*(\\.\\.\\.|\\x{2026})?$");
    private static final Pattern ROW = Pattern.compile("^[\\x{2502}|].*");

    private PveshPciReader() {}

    static boolean looksLikeJson(List<String> lines) {
        String first = lines.isEmpty() ? "" : lines.get(0).strip();
        return first.startsWith("[") || first.startsWith("{");
    }

    static boolean looksLikeTable(List<String> lines) {
        return lines.stream()
                .map(String::strip)
                .anyMatch(
                        l ->
                                ROW.matcher(l).matches()
                                        && l.toLowerCase(Locale.ROOT).contains("iommugroup"));
    }

    /**
     * Reads the array item by item, so output cut off by a chat limit still yields every complete
     * item; the line where the cut happened is reported as not understood.
     */
    static void readJson(String text, List<String> lines, GroupCollector out) {
        int start = text.indexOf('[');
        if (start < 0) {
            out.unparsed.addAll(lines);
            return;
        }
        try (JsonParser p = JSON.createParser(text.substring(start))) {
            p.nextToken(); // the opening [
            JsonToken t = p.nextToken();
            for (; t == JsonToken.START_OBJECT; t = p.nextToken()) {
                item(p.readValueAsTree(), out);
            }
            if (t != JsonToken.END_ARRAY) {
                out.unparsed.add(lines.get(lines.size() - 1)); // not a list of devices
            }
        } catch (IOException e) {
            out.unparsed.add(lines.get(lines.size() - 1));
        }
    }

    private static void item(JsonNode item, GroupCollector out) {
        PciAddress address = PciAddress.parse(item.path("id").asText("")).orElse(null);
        if (address == null) {
            out.unparsed.add(item.toString());
            return;
        }
        out.add(
                group(item.path("iommugroup").asText("-1")),
                member(
                        address,
                        item.path("class").asText(null),
                        item.path("vendor").asText(null),
                        item.path("device").asText(null),
                        item.path("vendor_name").asText(null),
                        item.path("device_name").asText(null),
                        item.path("mdev").asText("0")));
    }

    static void readTable(List<String> lines, GroupCollector out) {
        List<String> header = null;
        for (String line : lines) {
            String s = line.strip();
            if (s.isEmpty() || BORDER.matcher(s).matches()) {
                continue;
            }
            if (!ROW.matcher(s).matches()) {
                out.unparsed.add(line);
                continue;
            }
            List<String> cells = cells(s);
            if (cells.contains("iommugroup")) {
                header = cells;
                continue;
            }
            PciAddress address =
                    header == null
                            ? null
                            : PciAddress.parse(cell(header, cells, "id")).orElse(null);
            if (address == null) {
                out.unparsed.add(line);
                continue;
            }
            out.add(
                    group(cell(header, cells, "iommugroup")),
                    member(
                            address,
                            cell(header, cells, "class"),
                            cell(header, cells, "vendor"),
                            cell(header, cells, "device"),
                            cell(header, cells, "vendor_name"),
                            cell(header, cells, "device_name"),
                            cell(header, cells, "mdev")));
        }
    }

    private static List<String> cells(String row) {
        String[] parts = row.split("[\\u2502|]", -1);
        List<String> cells = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) { // parts[0] is what precedes the first bar
            if (i == parts.length - 1 && parts[i].isBlank()) {
                break;
            }
            cells.add(parts[i].strip());
        }
        return cells;
    }

    private static String cell(List<String> header, List<String> cells, String column) {
        int i = header.indexOf(column);
        return i >= 0 && i < cells.size() ? cells.get(i) : "";
    }

    private static int group(String text) {
        String t = text.strip();
        return t.matches("-?\\d{1,6}") ? Integer.parseInt(t) : -1;
    }

    private static GroupMember member(
            PciAddress address,
            @Nullable String pciClass,
            @Nullable String vendor,
            @Nullable String device,
            @Nullable String vendorName,
            @Nullable String deviceName,
            @Nullable String mdev) {
        String classCode = hex(pciClass, 4);
        String ids =
                hex(vendor, 4) == null || hex(device, 4) == null
                        ? null
                        : hex(vendor, 4) + ":" + hex(device, 4);
        String description =
                ((vendorName == null ? "" : vendorName)
                                + " "
                                + (deviceName == null ? "" : deviceName))
                        .strip();
        return new GroupMember(
                address,
                null,
                classCode,
                description.isEmpty() ? null : description,
                ids,
                "1".equals(mdev) || "true".equals(mdev));
    }

    // "0x030000" -> "0300", "0x10de" -> "10de"
    private static @Nullable String hex(@Nullable String value, int digits) {
        if (value == null) {
            return null;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        v = v.startsWith("0x") ? v.substring(2) : v;
        return v.length() >= digits && v.matches("[0-9a-f]+") ? v.substring(0, digits) : null;
    }
}
