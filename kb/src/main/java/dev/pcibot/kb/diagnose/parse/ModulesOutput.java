package dev.pcibot.kb.diagnose.parse;

import dev.pcibot.kb.diagnose.parse.ModprobeDirective.Kind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a paste says about kernel modules: which are loaded ({@code lsmod}), how modprobe is told to
 * treat them (/etc/modprobe.d), and which load at boot (/etc/modules). Names compare with {@code -}
 * and {@code _} alike.
 *
 * @param loaded lsmod lines
 * @param directives modprobe.d lines, in file order
 * @param bootModules /etc/modules and modules-load.d entries
 * @param files the file names the paste showed ({@code ==> file <==}, {@code cat file}, grep
 *     prefixes)
 * @param unparsed lines not understood
 */
public record ModulesOutput(
        List<LoadedModule> loaded,
        List<ModprobeDirective> directives,
        List<BootModule> bootModules,
        List<String> files,
        List<String> unparsed)
        implements ParsedOutput {
    public ModulesOutput {
        loaded = List.copyOf(loaded);
        directives = List.copyOf(directives);
        bootModules = List.copyOf(bootModules);
        files = List.copyOf(files);
        unparsed = List.copyOf(unparsed);
    }

    public Optional<LoadedModule> loadedModule(String name) {
        return loaded.stream().filter(m -> m.is(name)).findFirst();
    }

    public boolean isLoaded(String name) {
        return loadedModule(name).isPresent();
    }

    public List<ModprobeDirective> directives(Kind kind) {
        return directives.stream().filter(d -> d.kind() == kind).toList();
    }

    /**
     * All {@code options} for {@code module} merged in order; a later value wins, as in modprobe.
     */
    public Map<String, String> options(String module) {
        Map<String, String> merged = new LinkedHashMap<>();
        directives(Kind.OPTIONS).stream()
                .filter(d -> d.isAbout(module))
                .forEach(d -> merged.putAll(d.options()));
        return merged;
    }

    public Optional<String> option(String module, String key) {
        return Optional.ofNullable(options(module).get(key));
    }

    /** The {@code options vfio-pci ids=} list, lower case ({@code [10de:1b80, 10de:10f0]}). */
    public List<String> vfioPciIds() {
        List<String> ids = new ArrayList<>();
        for (String id : option("vfio_pci", "ids").orElse("").split(",")) {
            if (!id.isBlank()) {
                ids.add(id.strip().toLowerCase());
            }
        }
        return ids;
    }

    /**
     * True when a {@code blacklist} line names the module. modprobe compares names literally: the
     * wiki's {@code blacklist nvidia*} blacklists no module at all (kept in {@link #directives}).
     */
    public boolean isBlacklisted(String module) {
        return directives(Kind.BLACKLIST).stream().anyMatch(d -> d.isAbout(module));
    }

    /** Modules a {@code softdep MODULE pre: ...} line loads before {@code module}. */
    public List<String> softdepPre(String module) {
        return directives(Kind.SOFTDEP).stream()
                .filter(d -> d.isAbout(module))
                .flatMap(d -> d.softdepPre().stream())
                .toList();
    }

    public boolean loadsAtBoot(String module) {
        return bootModules.stream().anyMatch(m -> m.is(module));
    }
}
