package dev.pcibot.kb.diagnose;

import java.util.Optional;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A kernel release as {@code uname -r} prints it ({@code 6.8.12-4-pve}), comparable by version.
 *
 * @param text as printed
 * @param major 6
 * @param minor 8
 */
public record KernelRelease(String text, int major, int minor) {
    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.\\d+)?\\S*");

    static Optional<KernelRelease> parse(@Nullable String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = VERSION.matcher(text.strip());
        if (!m.lookingAt() || m.group(1).length() > 6 || m.group(2).length() > 6) {
            return Optional.empty(); // no kernel has a 7-digit major or minor (a 20-digit one threw)
        }
        return Optional.of(new KernelRelease(m.group(), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
    }

    /** Whether this release is at least {@code major.minor}. */
    public boolean atLeast(int wantMajor, int wantMinor) {
        return major > wantMajor || (major == wantMajor && minor >= wantMinor);
    }
}
