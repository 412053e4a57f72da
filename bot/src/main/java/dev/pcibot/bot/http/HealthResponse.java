package dev.pcibot.bot.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import org.jspecify.annotations.Nullable;

/**
 * The reply of {@code GET /api/health}.
 *
 * @param status {@code UP}, or {@code DOWN} (HTTP 503) while the knowledge base is unavailable
 * @param knowledgeBase {@code UP} or {@code DOWN}: whether the index is open
 * @param error why the knowledge base is down, without paths (null when up)
 * @param sections sections in the index (0 when down)
 * @param guides guides indexed (bundled plus the user's)
 * @param index {@code built} when this process built the index, {@code reused} when it opened one,
 *     {@code unavailable} when down
 * @param buildMillis how long building took (0 when reused)
 * @param userGuides the watched folder of user guides, null when none is configured
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record HealthResponse(
        String status,
        String knowledgeBase,
        @Nullable String error,
        int sections,
        int guides,
        String index,
        long buildMillis,
        @Nullable String userGuides) {}
