package dev.pcibot.bot.http;

import dev.pcibot.kb.diagnose.DiagnosisTimeoutException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;

/**
 * A diagnosis that ran out of its time budget becomes 503 with {@code Retry-After} and the kb's
 * message, not the 400 of other refused input: a busy server is one cause, so the client may retry.
 * (Its own class, beside {@link RejectedInputHandlers}; Micronaut picks the handler of the most
 * specific exception type.)
 */
@Controller
final class DiagnosisTimeoutHandler {
    static final String RETRY_AFTER_SECONDS = "30";

    @Error(global = true)
    HttpResponse<ApiError> timeout(DiagnosisTimeoutException e) {
        return HttpResponse.<ApiError>status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(new ApiError(e.getMessage(), HttpStatus.SERVICE_UNAVAILABLE.getCode()));
    }
}
