package dev.pcibot.bot.converse;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.pcibot.kb.converse.Ask;
import dev.pcibot.kb.converse.Choice;
import dev.pcibot.kb.converse.Step;
import dev.pcibot.kb.diagnose.DeviceView;
import dev.pcibot.kb.diagnose.Finding;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A conversation's current step as the HTTP API returns it.
 *
 * @param id the conversation's id (also the key to it: keep it private)
 * @param step the step's number: send it back with the answer
 * @param status {@code asking}, {@code blocked}, {@code done}
 * @param stopped whether the user stopped it
 * @param expired whether it has been idle too long (resume it to go on)
 * @param host what is known of the host (kernel, IOMMU, boot loader, ...)
 * @param devices the device picture so far
 * @param findings worst first, fixes for the user's boot loader
 * @param ask the question, or null when done
 * @param gaps the commands the user could not run
 * @param notChecked what is still unknown
 * @param notices about the last answer
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ConversationView(
        String id,
        int step,
        String status,
        boolean stopped,
        boolean expired,
        Map<String, String> host,
        List<DeviceView> devices,
        List<Finding> findings,
        @Nullable AskView ask,
        List<String> gaps,
        List<String> notChecked,
        List<String> notices) {

    /**
     * The question: {@code type} is {@code probe} (run {@code command}, paste its output; answer
     * with {@code probe} and the text) or {@code choice} (answer with {@code choice} and one option's value).
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record AskView(
            String type,
            @Nullable String probe,
            @Nullable String command,
            @Nullable String why,
            @Nullable String checks,
            boolean afterFix,
            @Nullable String choice,
            @Nullable String prompt,
            List<Choice.Option> options) {}

    static ConversationView of(Current current) {
        Step step = current.step();
        var d = step.diagnosis();
        return new ConversationView(current.stored().id(), step.number(), step.status().name().toLowerCase(java.util.Locale.ROOT),
                current.stored().stopped(), current.expired(), d == null ? Map.of() : d.host(),
                d == null ? List.of() : d.devices(), step.findings(), ask(step.ask()), step.gaps(), step.notChecked(),
                step.notices());
    }

    private static @Nullable AskView ask(@Nullable Ask ask) {
        return switch (ask) {
            case null -> null;
            case Ask.RunProbe r -> new AskView("probe", r.probe(), r.command(), r.why(), r.checks(), r.afterFix(), null,
                    null, List.of());
            case Ask.Pick p -> new AskView("choice", null, null, null, null, false, p.choice().id(), p.choice().prompt(),
                    p.choice().options());
        };
    }
}
