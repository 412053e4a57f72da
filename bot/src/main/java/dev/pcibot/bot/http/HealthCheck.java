package dev.pcibot.bot.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The reply of {@code GET /api/health/live} and {@code /api/health/ready}.
 *
 * @param status {@code UP}, or {@code DOWN} (HTTP 503)
 * @param error what is wrong, in one message (the problems joined; null when up), as in {@link ApiError}
 * @param problems each thing that is not ready (empty when up)
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record HealthCheck(String status, @Nullable String error, List<String> problems) {
    public static final HealthCheck UP = new HealthCheck("UP", null, List.of());

    public HealthCheck {
        problems = List.copyOf(problems);
    }

    static HealthCheck down(List<String> problems) {
        return new HealthCheck("DOWN", String.join(" ", problems), problems);
    }
}
