package dev.pcibot.kb.diagnose.parse;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of a modprobe.d file: {@code options vfio-pci ids=10de:1b80,10de:10f0 disable_vga=1},
 * {@code blacklist nouveau}, {@code softdep nouveau pre: vfio-pci}, {@code install ...}.
 *
 * @param kind the keyword
 * @param module the module it is about (for {@code alias}: the alias pattern)
 * @param args the rest of the line
 * @param file the file it was read from, when the paste told
 * @param raw the line as written
 */
public record ModprobeDirective(
        Kind kind, String module, String args, @Nullable String file, String raw) {

    /** The modprobe.d keywords ({@code man modprobe.d}). */
    public enum Kind {
        OPTIONS,
        BLACKLIST,
        SOFTDEP,
        INSTALL,
        REMOVE,
        ALIAS
    }

    public boolean isAbout(String otherModule) {
        return ModuleName.same(module, otherModule);
    }

    /**
     * For {@code options}: {@code ids=10de:1b80 disable_vga=1} as an ordered map; flags map to "".
     */
    public Map<String, String> options() {
        Map<String, String> options = new LinkedHashMap<>();
        if (kind == Kind.OPTIONS) {
            for (String token : args.split("\\s+")) {
                if (!token.isEmpty()) {
                    int eq = token.indexOf('=');
                    options.put(
                            eq < 0 ? token : token.substring(0, eq),
                            eq < 0 ? "" : token.substring(eq + 1));
                }
            }
        }
        return options;
    }

    /** For {@code softdep}: the modules after {@code pre:}. */
    public List<String> softdepPre() {
        return softdep("pre:");
    }

    /** For {@code softdep}: the modules after {@code post:}. */
    public List<String> softdepPost() {
        return softdep("post:");
    }

    private List<String> softdep(String marker) {
        List<String> modules = new ArrayList<>();
        boolean in = false;
        for (String token : args.split("\\s+")) {
            if (token.endsWith(":")) {
                in = token.equals(marker);
            } else if (in && !token.isEmpty()) {
                modules.add(token);
            }
        }
        return modules;
    }
}
