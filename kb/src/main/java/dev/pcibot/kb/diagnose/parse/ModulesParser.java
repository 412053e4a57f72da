package dev.pcibot.kb.diagnose.parse;

import dev.pcibot.kb.diagnose.parse.ModprobeDirective.Kind;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * Reads what a paste shows about modules: {@code lsmod | grep vfio}, modprobe.d files (one or
 * several, with {@code ==> file <==} headers, {@code cat file} lines or {@code grep -r} prefixes)
 * and /etc/modules. Typical input (all samples: test resources samples/vfio-modules/ and
 * samples/modprobe-conf/):
 *
 * <pre>
 * ==&gt; /etc/modprobe.d/vfio.conf &lt;==
 * options vfio-pci ids=10de:1b80,10de:10f0 disable_vga=1
 * softdep nouveau pre: vfio-pci
 * softdep snd_hda_intel pre: vfio-pci
 * </pre>
 */
public final class ModulesParser implements Parser<ModulesOutput> {
    private static final Pattern HEADER = Pattern.compile("^==>\\s*(\\S+)\\s*<==$");
    private static final Pattern CAT =
            Pattern.compile("^(?:\\S+@\\S+\\s*)?[#$]?\\s*cat\\s+(/\\S+)\\s*$");
    private static final Pattern GREP_PREFIX =
            Pattern.compile(
                    "^(/etc/(?:modprobe\\.d|modules-load\\.d)/[^:\\s]+|/etc/modules):(.*)$");
    private static final Pattern LSMOD_HEADER = Pattern.compile("^Module\\s+Size\\s+Used\\s+by$");
    private static final Pattern LSMOD =
            // sizes and use counts bounded to what parseLong/parseInt take (a paste of digits threw)
            Pattern.compile("^([A-Za-z0-9_]+)\\s+(\\d{1,18})\\s+(-?\\d{1,9})(?:\\s+(\\S.*))?$");
    private static final Pattern DIRECTIVE =
            Pattern.compile(
                    "^(options|blacklist|softdep|install|remove|alias)\\s+(\\S+)(?:\\s+(.*))?$");
    private static final Set<String> KEYWORDS =
            Set.of("options", "blacklist", "softdep", "install", "remove", "alias");
    private static final Pattern MODULE_LINE = Pattern.compile("^([A-Za-z0-9_-]+)(?:\\s+(.*))?$");

    @Override
    public ModulesOutput parse(String text) {
        List<LoadedModule> loaded = new ArrayList<>();
        List<ModprobeDirective> directives = new ArrayList<>();
        List<BootModule> boot = new ArrayList<>();
        List<String> files = new ArrayList<>();
        List<String> unparsed = new ArrayList<>();
        String file = null;
        for (String line : joinContinuations(TextLines.of(text))) {
            String s = line.strip();
            Matcher m;
            if ((m = HEADER.matcher(s)).matches() || (m = CAT.matcher(s)).matches()) {
                file = m.group(1);
                files.add(file);
                continue;
            }
            String lineFile = file;
            if ((m = GREP_PREFIX.matcher(s)).matches()) {
                lineFile = m.group(1);
                if (!files.contains(lineFile)) {
                    files.add(lineFile);
                }
                s = m.group(2).strip();
            }
            if (s.isEmpty() || s.startsWith("#") || LSMOD_HEADER.matcher(s).matches()) {
                continue;
            }
            if ((m = LSMOD.matcher(s)).matches() && !bootFile(lineFile)) {
                loaded.add(
                        new LoadedModule(
                                m.group(1),
                                Long.parseLong(m.group(2)),
                                Integer.parseInt(m.group(3)),
                                usedBy(m.group(4))));
            } else if ((m = DIRECTIVE.matcher(s)).matches() && !bootFile(lineFile)) {
                Kind kind = Kind.valueOf(m.group(1).toUpperCase(Locale.ROOT));
                directives.add(
                        new ModprobeDirective(
                                kind,
                                m.group(2),
                                m.group(3) == null ? "" : m.group(3).strip(),
                                lineFile,
                                s));
            } else if ((m = MODULE_LINE.matcher(s)).matches()
                    && !modprobeFile(lineFile)
                    && (m.group(2) == null
                            || bootFile(lineFile)) // args only where the file is known
                    && !KEYWORDS.contains(m.group(1))) { // a keyword without its module
                boot.add(
                        new BootModule(
                                m.group(1),
                                m.group(2) == null ? "" : m.group(2).strip(),
                                lineFile));
            } else {
                unparsed.add(line);
            }
        }
        return new ModulesOutput(loaded, directives, boot, files, unparsed);
    }

    private static boolean bootFile(@Nullable String file) {
        return file != null
                && (file.equals("/etc/modules") || file.startsWith("/etc/modules-load.d/"));
    }

    private static boolean modprobeFile(@Nullable String file) {
        return file != null
                && (file.startsWith("/etc/modprobe.d/") || file.startsWith("/lib/modprobe.d/"));
    }

    // "vfio_pci_core,vfio_iommu_type1,vfio_pci" or "[permanent]" or "-"
    private static List<String> usedBy(@Nullable String text) {
        List<String> modules = new ArrayList<>();
        if (text != null) {
            for (String name : text.split(",")) {
                String n = name.strip();
                if (!n.isEmpty() && !n.equals("-") && !n.startsWith("[")) {
                    modules.add(n);
                }
            }
        }
        return modules;
    }

    // modprobe.d allows a trailing backslash to continue a line
    private static List<String> joinContinuations(List<String> lines) {
        List<String> joined = new ArrayList<>();
        StringBuilder pending = null;
        for (String line : lines) {
            String piece = line;
            if (pending != null) { // the continued line: drop a grep -r prefix, keep the text
                Matcher prefix = GREP_PREFIX.matcher(line.strip());
                piece = prefix.matches() ? prefix.group(2).strip() : line.strip();
            }
            if (piece.endsWith("\\")) {
                pending =
                        (pending == null ? new StringBuilder() : pending.append(' '))
                                .append(piece, 0, piece.length() - 1);
                continue;
            }
            joined.add(pending == null ? piece : pending.append(' ').append(piece).toString());
            pending = null;
        }
        if (pending != null) {
            joined.add(pending.toString());
        }
        return joined;
    }
}
