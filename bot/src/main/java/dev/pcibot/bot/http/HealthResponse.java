package dev.pcibot.bot.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import org.jspecify.annotations.Nullable;

/**
 * The reply of {@code GET /api/health}.
 *
 * @param status {@code UP}
 * @param sections sections in the index
 * @param guides guides indexed (bundled plus the user's)
 * @param index {@code built} when this process built the index, {@code reused} when it opened one
 * @param buildMillis how long building took (0 when reused)
 * @param userGuides the watched folder of user guides, null when none is configured
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record HealthResponse(
        String status, int sections, int guides, String index, long buildMillis, @Nullable String userGuides) {}
