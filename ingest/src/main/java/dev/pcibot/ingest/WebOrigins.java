package dev.pcibot.ingest;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which origin addresses may become links on a page: absolute http or https URLs with a host,
 * nothing else ({@code javascript:}, {@code data:}, {@code file:}, relative or scheme-relative
 * {@code //host} ones). Used when a user guide's sidecar is read, and by the HTTP API on every link
 * it returns.
 */
public final class WebOrigins {
    private WebOrigins() {}

    /** The address, stripped, when it is a web link; empty otherwise. */
    public static Optional<String> of(String address) {
        String value = address.strip();
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean web = (scheme.equals("http") || scheme.equals("https"))
                    && uri.getHost() != null && !uri.getHost().isEmpty();
            return web ? Optional.of(value) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** The address when it is a web link, else "" (shown without a link). */
    public static String orEmpty(String address) {
        return of(address).orElse("");
    }
}
