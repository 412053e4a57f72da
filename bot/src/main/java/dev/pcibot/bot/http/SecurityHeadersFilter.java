package dev.pcibot.bot.http;

import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Security headers on every response: API answers, the web page, its script and style, and errors.
 * The page loads script, style and data only from this origin and has no inline code, so the policy
 * can forbid everything else; a guide or paste that smuggled markup into a result could not run
 * script even if it reached the DOM. No framing (clickjacking), no MIME sniffing.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class SecurityHeadersFilter {
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "connect-src 'self'",
            "form-action 'self'",
            "base-uri 'none'",
            "frame-ancestors 'none'");

    @ResponseFilter
    void addHeaders(MutableHttpResponse<?> response) {
        apply(response);
    }

    /**
     * The headers themselves; {@link ApiErrorResponseProcessor} applies them too, because a request
     * Netty refuses before routing (an over-long address or header) never passes through filters.
     */
    static void apply(MutableHttpResponse<?> response) {
        response.getHeaders()
                .set("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .set("X-Content-Type-Options", "nosniff")
                .set("X-Frame-Options", "DENY")
                .set("Referrer-Policy", "no-referrer");
    }
}
