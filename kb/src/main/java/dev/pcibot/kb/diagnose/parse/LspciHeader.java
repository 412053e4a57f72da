package dev.pcibot.kb.diagnose.parse;

import org.jspecify.annotations.Nullable;

import java.util.Optional;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * The first line lspci prints for a function, in its three shapes:
 *
 * <pre>
 * 01:00.0 VGA compatible controller [0300]: NVIDIA Corporation GP104 [10de:1b80] (rev a1)   (-nn)
 * 0000:01:00.0 VGA compatible controller: NVIDIA Corporation GP104 (rev a1) (prog-if 00 [VGA controller])
 * 01:00.0 0300: 10de:1b80 (rev a1)                                                          (-n)
 * </pre>
 *
 * Shared by the lspci and IOMMU group parsers (the group loops print {@code lspci -nns} lines).
 */
record LspciHeader(
        PciAddress address,
        @Nullable String className,
        @Nullable String classCode,
        String description,
        @Nullable String vendorId,
        @Nullable String deviceId,
        @Nullable String revision,
        @Nullable String progIf) {

    /** An address at the start of a line, then a space: how every header begins. */
    static final Pattern START =
            Pattern.compile(
                    "^((?:[0-9a-fA-F]{4,8}:)?[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\\.[0-7])\\s+(\\S.*)$");

    private static final Pattern PROG_IF =
            Pattern.compile("\\s*\\(prog-if ([0-9a-fA-F]{2})(?: \\[[^\\]]*\\])?\\)$");
    private static final Pattern REV = Pattern.compile("\\s*\\(rev ([0-9a-fA-F]{2})\\)$");
    private static final Pattern NUMERIC =
            Pattern.compile("^([0-9a-fA-F]{4}): ([0-9a-fA-F]{4}):([0-9a-fA-F]{4})$");
    private static final Pattern CLASS =
            Pattern.compile("^([^:\\[]+?)(?: \\[([0-9a-fA-F]{4})\\])?: (.*)$");
    // ls-iommu prints the class code without the colon: "VGA compatible controller [0300] Intel
    // ..."
    private static final Pattern CLASS_NO_COLON =
            Pattern.compile("^([^:\\[]+?) \\[([0-9a-fA-F]{4})\\] (.*)$");
    private static final Pattern IDS =
            Pattern.compile("^(.*?)\\s*\\[([0-9a-fA-F]{4}):([0-9a-fA-F]{4})\\]$");

    /** Reads a header line; empty when the line does not start with an address and some text. */
    static Optional<LspciHeader> parse(String line) {
        Matcher start = START.matcher(line.strip());
        if (!start.matches()) {
            return Optional.empty();
        }
        PciAddress address = PciAddress.of(start.group(1));
        String rest = start.group(2).strip();
        String progIf = null;
        String revision = null;
        Matcher m = PROG_IF.matcher(rest);
        if (m.find()) {
            progIf = m.group(1).toLowerCase();
            rest = rest.substring(0, m.start());
        }
        m = REV.matcher(rest);
        if (m.find()) {
            revision = m.group(1).toLowerCase();
            rest = rest.substring(0, m.start());
        }
        m = NUMERIC.matcher(rest);
        if (m.matches()) {
            return Optional.of(
                    new LspciHeader(
                            address,
                            null,
                            m.group(1).toLowerCase(),
                            "",
                            m.group(2).toLowerCase(),
                            m.group(3).toLowerCase(),
                            revision,
                            progIf));
        }
        String className = null;
        String classCode = null;
        m = CLASS.matcher(rest);
        if (!m.matches()) {
            m = CLASS_NO_COLON.matcher(rest);
        }
        if (m.matches()) {
            className = m.group(1).strip();
            classCode = m.group(2) == null ? null : m.group(2).toLowerCase();
            rest = m.group(3);
        }
        String vendorId = null;
        String deviceId = null;
        m = IDS.matcher(rest);
        if (m.matches()) {
            rest = m.group(1);
            vendorId = m.group(2).toLowerCase();
            deviceId = m.group(3).toLowerCase();
        }
        return Optional.of(
                new LspciHeader(
                        address,
                        className,
                        classCode,
                        rest.strip(),
                        vendorId,
                        deviceId,
                        revision,
                        progIf));
    }
}
