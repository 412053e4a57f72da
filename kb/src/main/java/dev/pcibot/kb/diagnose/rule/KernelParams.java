package dev.pcibot.kb.diagnose.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A kernel command line as a list of parameters, split the way the kernel splits it (on blanks,
 * double quotes keeping a value together).
 */
record KernelParams(List<String> params) {
    KernelParams {
        params = List.copyOf(params);
    }

    static KernelParams of(String cmdline) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (char c : cmdline.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (!cur.isEmpty()) {
                    out.add(cur.toString());
                    cur.setLength(0);
                }
            } else {
                cur.append(c);
            }
        }
        if (!cur.isEmpty()) {
            out.add(cur.toString());
        }
        return new KernelParams(out);
    }

    /** The parameter's name (before {@code =}). */
    static String name(String param) {
        int eq = param.indexOf('=');
        return eq < 0 ? param : param.substring(0, eq);
    }

    /** The value of the last parameter with this name. */
    Optional<String> value(String name) {
        Optional<String> found = Optional.empty();
        for (String p : params) {
            if (name(p).equals(name)) {
                int eq = p.indexOf('=');
                found = Optional.of(eq < 0 ? "" : p.substring(eq + 1));
            }
        }
        return found;
    }

    /** Whether the line asks for the IOMMU ({@code intel_iommu=on}, {@code amd_iommu=on}). */
    boolean iommuRequested() {
        return value("intel_iommu").map(v -> v.contains("on")).orElse(false)
                || value("amd_iommu").map(v -> v.contains("on")).orElse(false);
    }
}
