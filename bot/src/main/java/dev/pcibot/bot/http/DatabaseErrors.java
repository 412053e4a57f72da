package dev.pcibot.bot.http;

import dev.pcibot.bot.store.StoreException;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A database that cannot be reached (or refuses a write) becomes a 503 saying that nothing was
 * stored and to try again, instead of a bare 500: the conversation API is the HTTP door that needs
 * it. One log line per failed request, without the stack trace (the cause's message is enough to
 * see a refused connection or a full disk).
 */
@Controller
final class DatabaseErrors {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseErrors.class);

    @Error(global = true)
    HttpResponse<ApiError> unavailable(StoreException e) {
        LOG.error("Database unavailable, request answered 503: {}: {}", e.getMessage(), rootCause(e));
        return HttpResponse.<ApiError>status(HttpStatus.SERVICE_UNAVAILABLE).body(new ApiError(text(e), 503));
    }

    /** What the client reads: what failed, that it was not kept, and that retrying is right. */
    static String text(StoreException e) {
        return "The database is not available (" + e.getMessage() + "), so nothing was saved. Search and diagnosis"
                + " still work; try this again in a moment.";
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
