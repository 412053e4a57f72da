package dev.pcibot.bot.converse;

import dev.pcibot.bot.http.ApiError;
import dev.pcibot.bot.ops.ErrorResponses;
import dev.pcibot.kb.converse.Answer;
import dev.pcibot.kb.converse.Choice;
import dev.pcibot.kb.converse.Conversation;
import dev.pcibot.kb.converse.StaleStepException;
import dev.pcibot.kb.diagnose.Probe;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.SerdeImport;

/**
 * The troubleshooting conversation over HTTP. The conversation's id is the key to it (a random
 * UUID, returned only to whoever started it): there are no accounts on the web page. Database and
 * diagnosis work runs off the event loop.
 */
@Controller("/api")
@ErrorResponses
@ExecuteOn(TaskExecutors.BLOCKING)
@SerdeImport(Choice.Option.class)
final class ConversationController {
    private final Conversations conversations;

    ConversationController(Conversations conversations) {
        this.conversations = conversations;
    }

    @Post("/conversations")
    HttpResponse<ConversationView> start(@Body ConversationRequests.Start body) {
        Conversation.Start start = new Conversation.Start(body.device(), body.vmid(), body.symptom());
        Current current = conversations.start(Conversations.WEB, null, null, start, body.paste());
        return HttpResponse.created(ConversationView.of(current));
    }

    @Get("/conversations/{id}")
    ConversationView get(@PathVariable String id) {
        return ConversationView.of(conversations.get(id));
    }

    @Post("/conversations/{id}/answers")
    ConversationView answer(@PathVariable String id, @Body ConversationRequests.Answer body) {
        return ConversationView.of(conversations.answer(id, Conversations.WEB, false, body.step(), answerOf(body)));
    }

    @Post("/conversations/{id}/back")
    ConversationView back(@PathVariable String id, @Body ConversationRequests.StepOnly body) {
        return ConversationView.of(conversations.back(id, Conversations.WEB, false, body.step()));
    }

    @Post("/conversations/{id}/restart")
    ConversationView restart(@PathVariable String id) {
        return ConversationView.of(conversations.startOver(id, Conversations.WEB, false));
    }

    @Post("/conversations/{id}/stop")
    ConversationView stop(@PathVariable String id) {
        return ConversationView.of(conversations.stop(id, Conversations.WEB, false));
    }

    @Post("/conversations/{id}/resume")
    ConversationView resume(@PathVariable String id) {
        return ConversationView.of(conversations.resume(id, Conversations.WEB, false));
    }

    @Delete("/conversations/{id}")
    HttpResponse<Void> delete(@PathVariable String id) {
        conversations.delete(id, Conversations.WEB, false);
        return HttpResponse.noContent();
    }

    @Post("/conversations/{id}/share")
    ConversationRequests.Shared share(@PathVariable String id) {
        String shareId = conversations.share(id, Conversations.WEB, false);
        return new ConversationRequests.Shared("/api/reports/" + shareId,
                conversations.get(id).stored().shareUntil() + "");
    }

    @Get("/reports/{shareId}")
    @Produces(MediaType.TEXT_PLAIN + ";charset=utf-8")
    String report(@PathVariable String shareId) {
        return conversations.report(shareId);
    }

    private static Answer answerOf(ConversationRequests.Answer body) {
        int given = (body.text() != null ? 1 : 0) + (body.choice() != null ? 1 : 0) + (body.cannot() != null ? 1 : 0);
        if (given != 1) {
            throw new IllegalArgumentException("Send exactly one of: \"text\" (with \"probe\", the output you pasted),"
                    + " \"choice\" with \"value\", or \"cannot\" (the probe you cannot run).");
        }
        if (body.text() != null) {
            String probe = body.probe() == null ? "" : body.probe();
            if (!probe.isEmpty() && Probe.byId(probe).isEmpty()) {
                throw new IllegalArgumentException("Unknown probe '" + probe + "'.");
            }
            return new Answer.Pasted(probe, body.text(), Boolean.TRUE.equals(body.afterFix()));
        }
        if (body.choice() != null) {
            Choice choice = Choice.byId(body.choice())
                    .orElseThrow(() -> new IllegalArgumentException("Unknown question '" + body.choice() + "'."));
            return new Answer.Chose(choice, body.value() == null ? "" : body.value());
        }
        String probe = body.cannot();
        if (Probe.byId(probe).isEmpty()) {
            throw new IllegalArgumentException("Unknown probe '" + probe + "'.");
        }
        return new Answer.CannotRun(probe);
    }

    @Error
    HttpResponse<ApiError> conversation(ConversationException e) {
        return HttpResponse.<ApiError>status(HttpStatus.valueOf(e.status())).body(new ApiError(e.getMessage(), e.status()));
    }

    @Error
    HttpResponse<ApiError> stale(StaleStepException e) {
        return HttpResponse.<ApiError>status(HttpStatus.CONFLICT).body(new ApiError(e.getMessage(), 409));
    }

    @Error
    HttpResponse<ApiError> invalid(IllegalArgumentException e) {
        return HttpResponse.<ApiError>status(HttpStatus.BAD_REQUEST).body(new ApiError(e.getMessage(), 400));
    }
}
