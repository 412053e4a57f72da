package dev.pcibot.bot.http;

import dev.pcibot.bot.Sizes;
import dev.pcibot.kb.search.KbIndexException;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.exceptions.BufferLengthExceededException;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.web.router.exceptions.DuplicateRouteException;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Gives every error Micronaut itself raises (unknown route, wrong method or content type, body too
 * large, unreadable JSON, missing parameter, internal error) our one JSON shape. Micronaut's default
 * processor steps aside because it requires that no other {@link ErrorResponseProcessor} exists.
 * Browsers get JSON too: one shape is simpler for every client than an HTML page for some.
 */
@Singleton
final class ApiErrorResponseProcessor implements ErrorResponseProcessor<ApiError> {
    private final long maxPasteBytes;

    ApiErrorResponseProcessor(@Value("${pcibot.max-paste-bytes}") long maxPasteBytes) {
        this.maxPasteBytes = maxPasteBytes;
    }

    @Override
    public MutableHttpResponse<ApiError> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        SecurityHeadersFilter.apply(response); // also for errors raised before any filter ran
        Optional<KbIndexException> index = indexFailure(context);
        if (index.isPresent()) {
            // Not our bug and not the client's: the index folder cannot be used. Say so, and that a
            // retry may work once the folder is fixed (each request tries to open it again).
            return response.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_JSON_TYPE)
                    .body(new ApiError(KnowledgeBaseErrors.unavailable(index.get().reason()), 503));
        }
        if (context.getRootCause().filter(DuplicateRouteException.class::isInstance).isPresent()) {
            // Both /api/diagnose routes match a POST without Content-Type: say which types are read.
            return response.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).contentType(MediaType.APPLICATION_JSON_TYPE)
                    .body(new ApiError("The request has no Content-Type header, so " + context.getRequest().getPath()
                            + " cannot tell how to read it. " + BodyErrors.WHAT_TO_SEND, 415));
        }
        int status = response.code();
        String message = message(context, status);
        return response.contentType(MediaType.APPLICATION_JSON_TYPE).body(new ApiError(message, status));
    }

    private String message(ErrorContext context, int status) {
        HttpRequest<?> request = context.getRequest();
        String route = request.getMethodName() + " " + request.getPath();
        if (status == HttpStatus.NOT_FOUND.getCode()) {
            return "Nothing at " + route + ". The API has GET /api/search?q=..., POST /api/diagnose and"
                    + " GET /api/health; the web page is at /.";
        }
        if (status == HttpStatus.METHOD_NOT_ALLOWED.getCode()) {
            return route + " is not supported. Search with GET /api/search?q=..., diagnose with POST"
                    + " /api/diagnose.";
        }
        if (status == HttpStatus.UNSUPPORTED_MEDIA_TYPE.getCode()) {
            String type = request.getContentType().map(MediaType::toString).orElse("none");
            return "Content type " + type + " is not accepted by " + request.getPath() + ". Send the"
                    + " pasted output as text/plain (curl: -H 'Content-Type: text/plain' --data-binary @file),"
                    + " as application/json {\"text\": \"...\"}, or as a file upload (curl -F file=@dmesg.txt).";
        }
        if (context.getRootCause().filter(t -> t instanceof ContentLengthExceededException
                || t instanceof BufferLengthExceededException).isPresent()) {
            return tooLarge(maxPasteBytes);
        }
        if (status == HttpStatus.REQUEST_ENTITY_TOO_LARGE.getCode()) {
            // Netty refused the request line or headers before any route was known (Micronaut then
            // names the path /bad-request): in practice a question pasted into the URL.
            return "The request's address or headers are too long. Ask a shorter question (a few words or"
                    + " one error message); to have a whole log read, POST it to /api/diagnose.";
        }
        if (status >= 500) {
            // The cause goes to the log (Micronaut logs it); the client gets no stack trace.
            return "Something went wrong on our side answering " + route + ". Try again; if it keeps"
                    + " happening, the server log has the details.";
        }
        if (status == HttpStatus.BAD_REQUEST.getCode() && context.getRootCause().isPresent()) {
            Optional<String> body = BodyErrors.message(request, context.getRootCause().get());
            if (body.isPresent()) {
                return body.get();
            }
        }
        String detail = context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "));
        return detail.isBlank() ? HttpStatus.valueOf(status).getReason() : detail;
    }

    /** The index failure behind an error, however deeply Micronaut wrapped it (bean creation). */
    private static Optional<KbIndexException> indexFailure(ErrorContext context) {
        for (Throwable t = context.getRootCause().orElse(null); t != null; t = t.getCause()) {
            if (t instanceof KbIndexException e) {
                return Optional.of(e);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }

    /** The 413 message: what was too big, the limit, and two ways to get the paste through anyway. */
    static String tooLarge(long limitBytes) {
        return "The paste is larger than " + Sizes.human(limitBytes) + ", the limit of this service"
                + " (pcibot.max-paste-bytes). Trim it to the lines that matter: for a kernel log,"
                + " dmesg | grep -i -e DMAR -e IOMMU -e AMD-Vi -e vfio -e 'BAR ', or its last 5,000 lines"
                + " (dmesg | tail -n 5000); or diagnose the whole file from a terminal: java -jar bot.jar diagnose FILE.";
    }
}
