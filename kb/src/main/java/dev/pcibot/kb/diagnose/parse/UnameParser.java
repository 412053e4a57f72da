package dev.pcibot.kb.diagnose.parse;

import java.util.ArrayList;
import java.util.List;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * Reads {@code uname -r} and {@code uname -a}. Typical input (all samples: test resources
 * samples/uname/):
 *
 * <pre>
 * Linux pve9 6.14.8-2-pve #1 SMP PREEMPT_DYNAMIC PMX 6.14.8-2 (2025-07-22T10:04Z) x86_64 GNU/Linux
 * </pre>
 */
public final class UnameParser implements Parser<UnameOutput> {
    private static final String RELEASE = "(\\d+\\.\\d+(?:\\.\\d+)?(?:-[A-Za-z0-9._+~-]+)?)";
    private static final Pattern RELEASE_ONLY = Pattern.compile("^" + RELEASE + "$");
    private static final Pattern ALL =
            Pattern.compile(
                    "^Linux\\s+(\\S+)\\s+"
                            + RELEASE
                            + "\\s+(#.*?)\\s+(x86_64|aarch64|i686|armv7l|riscv64)(?:\\s+GNU/Linux)?$");

    @Override
    public UnameOutput parse(String text) {
        String release = null;
        String hostname = null;
        String build = null;
        String machine = null;
        List<String> unparsed = new ArrayList<>();
        List<String> lines = TextLines.of(text);
        for (int i = 0; i < lines.size(); i++) {
            String s = lines.get(i).strip();
            Matcher all = ALL.matcher(s);
            if (!all.matches() && s.startsWith("Linux ") && i + 1 < lines.size()) {
                // uname -a cut by the terminal width: glue the tail back on
                String next = lines.get(i + 1).strip();
                Matcher joined = ALL.matcher(s + next);
                all = joined.matches() ? joined : ALL.matcher(s + " " + next);
                if (all.matches()) {
                    i++;
                }
            }
            if (s.isEmpty()) {
                continue;
            } else if (release == null && RELEASE_ONLY.matcher(s).matches()) {
                release = s;
            } else if (release == null && all.matches()) {
                hostname = all.group(1);
                release = all.group(2);
                build = all.group(3);
                machine = all.group(4);
            } else {
                unparsed.add(lines.get(i));
            }
        }
        return new UnameOutput(release, hostname, build, machine, unparsed);
    }
}
