package dev.pcibot.bot.ops;

import dev.pcibot.bot.http.ApiError;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a controller: every operation of it can answer with the one error shape, {@link ApiError}
 * ({@code {"error": "...", "status": 4xx}}), which the OpenAPI document then says. One annotation
 * per controller instead of two {@code @ApiResponse} on every method.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ApiResponse(responseCode = "4XX", description = "The request was refused: {\"error\": what to do instead, \"status\":"
        + " the HTTP status}", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
@ApiResponse(responseCode = "5XX", description = "The service could not answer now (knowledge base unavailable, a"
        + " diagnosis over its time budget): {\"error\", \"status\"}, never a stack trace",
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
public @interface ErrorResponses {}
