package dev.pcibot.kb.diagnose.parse;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Optional;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * One {@code Capabilities:} block of {@code lspci -vv}: the header line and the lines under it.
 *
 * <pre>
 * Capabilities: [68] MSI: Enable+ Count=1/1 Maskable- 64bit+
 * Capabilities: [2a0 v1] Access Control Services
 *         ACSCtl: SrcValid+ TransBlk- ReqRedir+ CmpltRedir+ UpstreamFwd+ EgressCtrl- DirectTrans-
 * </pre>
 *
 * @param offset the config-space offset as printed ({@code 68}, {@code 2a0 v1})
 * @param name what follows the offset ({@code MSI: Enable+ Count=1/1 Maskable- 64bit+})
 * @param body the lines under the header, stripped
 */
public record PciCapability(String offset, String name, List<String> body) {
    public PciCapability {
        body = List.copyOf(body);
    }

    /**
     * True when the capability's name starts with {@code prefix} ({@code "MSI:"}, {@code
     * "MSI-X:"}).
     */
    public boolean is(String prefix) {
        return name.startsWith(prefix);
    }

    /**
     * Reads a {@code Flag+} / {@code Flag-} switch from the header, or with {@code linePrefix} from
     * the body line starting with it (and its continuation lines up to the next {@code Key:} line).
     */
    public Optional<Boolean> flag(@Nullable String linePrefix, String flag) {
        String text = linePrefix == null ? name : bodyLine(linePrefix).orElse("");
        Matcher m = Pattern.compile("(?:^|[\\s,;])" + Pattern.quote(flag) + "([+-])").matcher(text);
        return m.find() ? Optional.of("+".equals(m.group(1))) : Optional.empty();
    }

    /** The body line starting with {@code prefix} joined with its continuation lines. */
    public Optional<String> bodyLine(String prefix) {
        for (int i = 0; i < body.size(); i++) {
            if (body.get(i).startsWith(prefix)) {
                StringBuilder joined = new StringBuilder(body.get(i));
                for (int j = i + 1; j < body.size() && !startsKey(body.get(j)); j++) {
                    joined.append(' ').append(body.get(j));
                }
                return Optional.of(joined.toString());
            }
        }
        return Optional.empty();
    }

    // Body keys look like "DevCap:" or "BAR 1:"; continuation lines ("ExtTag+ RBE+ FLReset+") do
    // not.
    private static boolean startsKey(String line) {
        return line.matches("^[A-Za-z][A-Za-z0-9 ]{0,30}:(\\s.*|$)");
    }
}
