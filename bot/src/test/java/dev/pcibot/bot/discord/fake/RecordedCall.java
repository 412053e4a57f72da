package dev.pcibot.bot.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One REST request the bot made, as the fake received it.
 *
 * @param method HTTP method
 * @param route path below {@code /api/v10/} (or the raw path for non-API requests such as attachment downloads)
 * @param query the raw query string, "" when none
 * @param headers request headers, lower-case names
 * @param body the JSON exactly as sent: the request body, or the {@code payload_json} part of a multipart upload
 * @param json {@code body} parsed, or null when there was none
 * @param files uploaded {@code files[n]} parts
 * @param receivedNanos {@link System#nanoTime()} when the fake read the request
 * @param status what the fake answered
 */
public record RecordedCall(
        String method,
        String route,
        String query,
        Map<String, String> headers,
        String body,
        @Nullable JsonNode json,
        List<UploadedFile> files,
        long receivedNanos,
        int status) {

    public String requestLine() {
        return method + " " + route + (query.isEmpty() ? "" : "?" + query);
    }

    RecordedCall withStatus(int newStatus) {
        return new RecordedCall(method, route, query, headers, body, json, files, receivedNanos, newStatus);
    }

    @Override
    public String toString() {
        return requestLine() + " -> " + status + (body.isEmpty() ? "" : " " + abbreviate(body)) + (files.isEmpty() ? "" : " " + files);
    }

    private static String abbreviate(String text) {
        return text.length() <= 400 ? text : text.substring(0, 400) + "…(" + text.length() + " chars)";
    }
}
