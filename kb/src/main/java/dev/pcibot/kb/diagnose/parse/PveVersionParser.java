package dev.pcibot.kb.diagnose.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * Reads {@code pveversion} and {@code pveversion -v}. Typical input (all samples: test resources
 * samples/version/):
 *
 * <pre>
 * proxmox-ve: 8.2.0 (running kernel: 6.8.8-2-pve)
 * pve-manager: 8.2.4 (running version: 8.2.4/faa83925c9641325)
 * pve-qemu-kvm: 9.0.2-1
 * qemu-server: 8.2.3
 * </pre>
 */
public final class PveVersionParser implements Parser<PveVersionOutput> {
    private static final Pattern SHORT =
            Pattern.compile(
                    "^pve-manager/([^/\\s]+)/[0-9a-fA-F]+\\s*\\(running kernel:\\s*(\\S+)\\)$");
    private static final Pattern PACKAGE = Pattern.compile("^([a-z0-9][a-z0-9.+-]*):\\s+(.+)$");
    private static final Pattern VERSION = Pattern.compile("^(\\S+)(?:\\s+\\((.*)\\))?$");
    private static final Pattern RUNNING_KERNEL = Pattern.compile("running kernel:\\s*(\\S+)");

    @Override
    public PveVersionOutput parse(String text) {
        Map<String, String> packages = new LinkedHashMap<>();
        List<String> notInstalled = new ArrayList<>();
        List<String> unparsed = new ArrayList<>();
        String kernel = null;
        for (String line : TextLines.of(text)) {
            String s = line.strip();
            Matcher shortForm = SHORT.matcher(s);
            Matcher pkg = PACKAGE.matcher(s);
            if (s.isEmpty()) {
                continue;
            } else if (shortForm.matches()) {
                packages.put("pve-manager", shortForm.group(1));
                kernel = shortForm.group(2);
            } else if (pkg.matches() && pkg.group(2).strip().equals("not correctly installed")) {
                notInstalled.add(pkg.group(1));
            } else if (pkg.matches() && VERSION.matcher(pkg.group(2).strip()).matches()) {
                Matcher v = VERSION.matcher(pkg.group(2).strip());
                v.matches();
                packages.put(pkg.group(1), v.group(1));
                Matcher running = RUNNING_KERNEL.matcher(v.group(2) == null ? "" : v.group(2));
                if (running.find()) {
                    kernel = running.group(1);
                }
            } else {
                unparsed.add(line);
            }
        }
        return new PveVersionOutput(packages, kernel, notInstalled, unparsed);
    }
}
