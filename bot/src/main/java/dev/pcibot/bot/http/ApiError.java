package dev.pcibot.bot.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The body of every error reply, whatever went wrong: {@code {"error": "...", "status": 400}}.
 *
 * @param error what went wrong and what to do instead, in words fit to show the user
 * @param status the HTTP status, repeated so a client that only keeps the body still has it
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ApiError(String error, int status) {}
