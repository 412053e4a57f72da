package dev.pcibot.bot.http;

import dev.pcibot.kb.diagnose.InputRejectedException;
import dev.pcibot.kb.search.InvalidQueryException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;

/**
 * Input the knowledge base refuses becomes a 400 whose message is the kb's own: it already says
 * what was wrong and what to send instead. A charset Java does not know ({@code Content-Type:
 * text/plain; charset=foo}) is the client's mistake too: a 415 saying so, not a 500 with a logged
 * stack trace (handled here, so Micronaut does not log it).
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

    @Error(global = true)
    HttpResponse<ApiError> charset(HttpRequest<?> request, UnsupportedCharsetException e) {
        return unknownCharset(request, e.getCharsetName());
    }

    @Error(global = true)
    HttpResponse<ApiError> charsetName(HttpRequest<?> request, IllegalCharsetNameException e) {
        return unknownCharset(request, e.getCharsetName());
    }

    private static HttpResponse<ApiError> unknownCharset(HttpRequest<?> request, String charset) {
        String type = request.getContentType().map(t -> t.getName()).orElse("text/plain");
        return HttpResponse.<ApiError>status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(new ApiError("The charset '"
                + Printable.of(charset, 40) + "' in the Content-Type header is not one this API can read. Send the text as"
                + " UTF-8 (Content-Type: " + type + "; charset=utf-8), or leave the charset out.", 415));
    }

    private static HttpResponse<ApiError> badRequest(String message) {
        return HttpResponse.<ApiError>status(HttpStatus.BAD_REQUEST).body(new ApiError(message, 400));
    }
}
