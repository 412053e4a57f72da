package dev.pcibot.bot.http;

import dev.pcibot.bot.ops.ErrorResponses;
import dev.pcibot.bot.ops.ServiceMetrics;
import dev.pcibot.kb.diagnose.Diagnoser;
import dev.pcibot.kb.diagnose.DiagnosisBudget;
import dev.pcibot.kb.diagnose.Diagnosis;
import dev.pcibot.kb.diagnose.InputRejectedException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.inject.Inject;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/diagnose}: the pasted output as a {@code text/plain} body, or JSON
 * {@code {"text": ...}}. Bodies over {@code micronaut.server.max-request-size} are refused by
 * Micronaut before they reach here (413, see {@link ApiErrorResponseProcessor}); a large log takes
 * a while to read, so the work runs off the event loop. Each diagnosis has the diagnoser's time
 * budget (over it: 503, see {@link DiagnosisTimeoutHandler}) and stops early when the client closes
 * the connection, so an abandoned request does not keep a thread busy.
 */
@Controller("/api/diagnose")
@ErrorResponses
final class DiagnoseController {
    private final Diagnoser diagnoser;
    @Inject ServiceMetrics metrics;

    DiagnoseController(Diagnoser diagnoser) {
        this.diagnoser = diagnoser;
    }

    @Post(consumes = MediaType.TEXT_PLAIN)
    @ExecuteOn(CpuWork.EXECUTOR)
    Diagnosis text(HttpRequest<?> request, @Body @Nullable String body) {
        return diagnose(request, body == null ? "" : body);
    }

    @Post(consumes = MediaType.APPLICATION_JSON)
    @ExecuteOn(CpuWork.EXECUTOR)
    Diagnosis json(HttpRequest<?> http, @Body DiagnoseRequest request) {
        String text = request.text();
        if (text == null) {
            throw new InputRejectedException("The JSON has no \"text\" field: send {\"text\": \"...pasted output...\"},"
                    + " or the output itself as text/plain.");
        }
        return diagnose(http, text);
    }

    private Diagnosis diagnose(HttpRequest<?> request, String text) {
        DiagnosisBudget budget = diagnoser.budget();
        try (ClientGone watch = ClientGone.watch(request, budget::cancel)) {
            return metrics.diagnosis("http", diagnoser.diagnose(text, budget));
        }
    }
}
