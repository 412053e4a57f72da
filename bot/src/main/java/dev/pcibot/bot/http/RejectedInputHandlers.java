package dev.pcibot.bot.http;

import dev.pcibot.kb.diagnose.InputRejectedException;
import dev.pcibot.kb.search.InvalidQueryException;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;

/**
 * Input the knowledge base refuses becomes a 400 whose message is the kb's own: it already says
 * what was wrong and what to send instead.
 */
@Controller
final class RejectedInputHandlers {

    @Error(global = true)
    HttpResponse<ApiError> query(InvalidQueryException e) {
        return badRequest(e.getMessage());
    }

    @Error(global = true)
    HttpResponse<ApiError> input(InputRejectedException e) {
        return badRequest(e.getMessage());
    }

    private static HttpResponse<ApiError> badRequest(String message) {
        return HttpResponse.<ApiError>status(HttpStatus.BAD_REQUEST).body(new ApiError(message, 400));
    }
}
