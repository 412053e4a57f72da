package dev.pcibot.bot.converse;

import io.micronaut.serde.annotation.Serdeable;
import org.jspecify.annotations.Nullable;

/** The JSON bodies of the conversation API. */
final class ConversationRequests {
    private ConversationRequests() {}

    /**
     * {@code POST /api/conversations}: every field optional.
     *
     * @param device what is passed through ("RX 580", "01:00.0")
     * @param vmid the VM's id
     * @param symptom one of the symptom choice's values
     * @param paste output to start from (its facts are kept)
     */
    @Serdeable
    record Start(@Nullable String device, @Nullable String vmid, @Nullable String symptom, @Nullable String paste) {}

    /**
     * {@code POST /api/conversations/{id}/answers}: the step answered and exactly one of: {@code text}
     * (the output of {@code probe}), {@code choice} + {@code value}, or {@code cannot} (a probe id).
     */
    @Serdeable
    record Answer(
            int step,
            @Nullable String probe,
            @Nullable String text,
            @Nullable Boolean afterFix,
            @Nullable String choice,
            @Nullable String value,
            @Nullable String cannot) {}

    /** {@code POST .../back}: the step shown when "Back" was pressed. */
    @Serdeable
    record StepOnly(int step) {}

    /** {@code POST .../share}: where the scrubbed report can be read, and until when. */
    @Serdeable
    record Shared(String url, String until) {}
}
