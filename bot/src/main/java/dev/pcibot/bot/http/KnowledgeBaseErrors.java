package dev.pcibot.bot.http;

import dev.pcibot.kb.search.KbIndexException;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;

/**
 * A knowledge base that cannot be opened becomes a 503 naming the setting to fix, never a path or a
 * stack trace. Handled here, not left to Micronaut, so the request is not logged with its trace:
 * the failure is logged once per attempt where the attempt is made (CoreFactory).
 */
@Controller
final class KnowledgeBaseErrors {

    @Error(global = true)
    HttpResponse<ApiError> unavailable(KbIndexException e) {
        return HttpResponse.<ApiError>status(HttpStatus.SERVICE_UNAVAILABLE).body(new ApiError(unavailable(e.reason()), 503));
    }

    /** The 503 text: what is wrong (path-free), which setting to check, and that it is retried. */
    static String unavailable(String reason) {
        return "The knowledge base is not available: " + reason + ". Check that kb.data-dir (PCIBOT_DATA_DIR) is a"
                + " writable folder; the service tries again, so a later request may succeed.";
    }
}
