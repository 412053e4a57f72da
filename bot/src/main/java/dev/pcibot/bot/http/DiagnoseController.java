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
import io.micronaut.http.annotation.Part;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.inject.Inject;
import org.jspecify.annotations.Nullable;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code POST /api/diagnose}: the pasted output as a {@code text/plain} body, JSON
 * {@code {"text": ...}}, or a multipart file upload. Bodies over {@code micronaut.server.max-request-size} are refused by
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

    /**
     * Read as bytes, not as Micronaut's string: UTF-16 (a file Windows saved, sent by the web page
     * labelled UTF-8) and invalid UTF-8 then reach the diagnoser as they are, which reads the first
     * and says how many lines of the second it read leniently. A charset other than UTF-8 named in
     * the Content-Type is honoured (an unknown one is a 415: {@link RejectedInputHandlers}).
     */
    @Post(consumes = MediaType.TEXT_PLAIN)
    @ExecuteOn(CpuWork.EXECUTOR)
    Diagnosis text(HttpRequest<?> request, @Body @io.micronaut.core.annotation.Nullable byte[] body) {
        byte[] bytes = body == null ? new byte[0] : body;
        Optional<String> charset = request.getContentType().flatMap(t -> t.getParameters().get("charset"));
        if (charset.isPresent() && !Charset.forName(charset.get().strip()).equals(StandardCharsets.UTF_8)) {
            return diagnose(request, new String(bytes, Charset.forName(charset.get().strip())));
        }
        DiagnosisBudget budget = diagnoser.budget();
        try (ClientGone watch = ClientGone.watch(request, budget::cancel)) {
            return metrics.diagnosis("http", diagnoser.diagnose(new ByteArrayInputStream(bytes), budget));
        }
    }

    /**
     * A file upload ({@code curl -F file=@dmesg.txt}, a form's file field): the part named
     * {@code file}, read as a stream. Micronaut bounds its size by the same paste limit.
     */
    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    @ExecuteOn(CpuWork.EXECUTOR)
    Diagnosis file(HttpRequest<?> request, @Part("file") CompletedFileUpload file) throws IOException {
        DiagnosisBudget budget = diagnoser.budget();
        try (ClientGone watch = ClientGone.watch(request, budget::cancel); InputStream in = file.getInputStream()) {
            return metrics.diagnosis("http", diagnoser.diagnose(in, budget));
        }
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
