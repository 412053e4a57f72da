package dev.pcibot.kb.diagnose.parse;

import org.jspecify.annotations.Nullable;

/**
 * A module named in /etc/modules or /etc/modules-load.d/*.conf, loaded at boot.
 *
 * @param name as written
 * @param args arguments after the name (Debian's /etc/modules allows them), or ""
 * @param file the file it was read from, when the paste told
 */
public record BootModule(String name, String args, @Nullable String file) {
    public boolean is(String module) {
        return ModuleName.same(name, module);
    }
}
