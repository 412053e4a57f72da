package dev.pcibot.kb.diagnose.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * Reads the virtualization checks of the guides: {@code egrep -c '(vmx|svm)' /proc/cpuinfo} (a
 * count), {@code grep -E 'vmx|svm' /proc/cpuinfo} (flags lines), {@code grep -o} (bare matches) and
 * {@code lscpu}. Typical input (all samples: test resources samples/cpu-flags/):
 *
 * <pre>
 * Architecture:                         x86_64
 * Vendor ID:                            AuthenticAMD
 * Virtualization:                       AMD-V
 * </pre>
 */
public final class CpuFlagsParser implements Parser<CpuFlagsOutput> {
    private static final Pattern COUNT = Pattern.compile("^\\d{1,5}$");
    private static final Pattern FLAGS = Pattern.compile("^flags\\s*:\\s*(.*)$");
    private static final Pattern FIELD =
            Pattern.compile("^([A-Za-z][A-Za-z0-9 ()_/.-]*?)\\s*:\\s*(.*)$");
    private static final Set<String> BARE = Set.of("vmx", "svm");

    @Override
    public CpuFlagsOutput parse(String text) {
        Integer count = null;
        int vmx = 0;
        int svm = 0;
        int flagLines = 0;
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        List<String> unparsed = new ArrayList<>();
        for (String line : TextLines.of(text)) {
            String s = line.strip();
            Matcher flags = FLAGS.matcher(s);
            Matcher field = FIELD.matcher(s);
            if (s.isEmpty()) {
                continue;
            } else if (COUNT.matcher(s).matches() && count == null) {
                count = Integer.valueOf(s);
            } else if (s.startsWith("egrep:") || s.startsWith("grep:")) {
                warnings.add(s);
            } else if (BARE.contains(s)) { // grep -o
                flagLines++;
                vmx += s.equals("vmx") ? 1 : 0;
                svm += s.equals("svm") ? 1 : 0;
            } else if (flags.matches()) {
                // a HashSet, not Set.of: a line that repeats a flag threw "duplicate element" before
                Set<String> tokens = new java.util.HashSet<>(java.util.Arrays.asList(flags.group(1).split("\\s+")));
                flagLines++;
                vmx += tokens.contains("vmx") ? 1 : 0;
                svm += tokens.contains("svm") ? 1 : 0;
            } else if (field.matches()) {
                fields.putIfAbsent(field.group(1), field.group(2).strip());
            } else {
                unparsed.add(line);
            }
        }
        return new CpuFlagsOutput(count, vmx, svm, flagLines, fields, warnings, unparsed);
    }
}
