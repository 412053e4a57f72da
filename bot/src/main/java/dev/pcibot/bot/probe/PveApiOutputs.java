package dev.pcibot.bot.probe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns API answers into the text the probe's command prints, so that the parser that reads a
 * paste reads this too: {@code hardware/pci} as the {@code find /sys/kernel/iommu_groups} listing
 * or as {@code pvesh … --output-format json}; {@code status} as {@code uname -r}; {@code version}
 * with the kernel as {@code pveversion}; the journal's kernel lines as the {@code dmesg | grep}.
 */
final class PveApiOutputs {
    static final Pattern IOMMU_LINES = Pattern.compile("DMAR|IOMMU|AMD-Vi");
    static final Pattern REMAPPING_LINES = Pattern.compile("(?i)remapping");

    private PveApiOutputs() {}

    /**
     * One {@code /sys/kernel/iommu_groups/G/devices/ID} line per device in a group, as {@code sort
     * -V} orders them; nothing for devices with group -1 (the IOMMU is off), as {@code find}
     * prints nothing then.
     */
    static String groups(JsonNode devices) {
        record Member(int group, String id) {}
        List<Member> members = new ArrayList<>();
        for (JsonNode d : devices) {
            int group = d.path("iommugroup").asInt(-1);
            String id = d.path("id").asText("");
            if (group >= 0 && id.matches("[0-9a-fA-F]{4}:[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\\.[0-7]")) {
                members.add(new Member(group, id.toLowerCase(java.util.Locale.ROOT)));
            }
        }
        members.sort(Comparator.comparingInt(Member::group).thenComparing(Member::id));
        StringBuilder out = new StringBuilder();
        members.forEach(m -> out.append("/sys/kernel/iommu_groups/").append(m.group()).append("/devices/")
                .append(m.id()).append('\n'));
        return out.toString();
    }

    /** The device list as pvesh's JSON, one device per line so that a cut keeps whole devices. */
    static String pciJson(JsonNode devices) {
        List<String> items = new ArrayList<>();
        devices.forEach(d -> items.add(d.toString()));
        return "[\n" + String.join(",\n", items) + "\n]\n";
    }

    /** {@code uname -r}. */
    static String kernelRelease(JsonNode status) {
        String release = status.path("current-kernel").path("release").asText("");
        if (release.isEmpty()) {
            // before current-kernel (PVE 8.1) there was only kversion: "Linux 6.5.11-4-pve #1 SMP ..."
            String[] words = status.path("kversion").asText("").split("\\s+");
            release = words.length > 1 ? words[1] : "";
        }
        return release.isEmpty() ? "" : release + "\n";
    }

    /** {@code pveversion}: {@code pve-manager/8.2.4/faa83925c9641325 (running kernel: 6.8.8-2-pve)}. */
    static String version(JsonNode version, JsonNode status) {
        String kernel = kernelRelease(status).strip();
        return "pve-manager/" + version.path("version").asText("?") + "/" + version.path("repoid").asText("0")
                + (kernel.isEmpty() ? "" : " (running kernel: " + kernel + ")") + "\n";
    }

    /**
     * The journal's kernel lines that the {@code dmesg | grep} would print. The first and last
     * entries are cursors, not lines (mini-journalreader).
     */
    static String kernelLines(JsonNode journal, Pattern wanted) {
        StringBuilder out = new StringBuilder();
        int n = journal.size();
        for (int i = 1; i < n - 1; i++) {
            String line = journal.get(i).asText("");
            if (line.contains(" kernel: ") && wanted.matcher(line).find()) {
                out.append(line.replaceAll("[\\r\\n]+", " ").stripTrailing()).append('\n');
            }
        }
        return out.toString();
    }
}
