package dev.pcibot.bot.discord.command;

import dev.pcibot.bot.discord.ComponentHandler;
import dev.pcibot.bot.discord.ComponentId;
import dev.pcibot.bot.discord.Replies;
import dev.pcibot.bot.discord.gate.EntryPoint;
import dev.pcibot.bot.probe.ProbeAsk;
import dev.pcibot.bot.probe.ProbeRunner;
import dev.pcibot.bot.probe.RawOutputs;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;

/**
 * "Show raw output" after a probe ({@code /probe} or a step's "Run it on"): sends what the node
 * printed, redacted ({@link RawOutputs}), as an ephemeral attachment to the person who ran the
 * probe and to nobody else, within Discord's attachment size, while it is kept (15 minutes). Each
 * delivery is an audit row ({@code raw-output}); one that cannot be audited is not sent. A click by
 * anyone else is refused and audited too ({@code deny}, {@link ProbeRunner#NOT_OWNER}).
 */
@Singleton
final class RawOutputButton implements ComponentHandler {
    static final String KEY = "raw";
    static final String SHOW = "show";
    static final String LABEL = "Show raw output";
    /** Below Discord's 10 MiB per attachment for bots, with room for the multipart framing. */
    static final int MAX_BYTES = 8 * 1024 * 1024;
    static final String NOT_YOURS = "Only the person who ran this probe can see its raw output.";
    static final String GONE = "I no longer have that output (it is kept for 15 minutes, in memory only). Run the probe again.";

    private final RawOutputs outputs;
    private final ProbeRunner runner;

    RawOutputButton(RawOutputs outputs, ProbeRunner runner) {
        this.outputs = outputs;
        this.runner = runner;
    }

    /** The button's row, for a kept output. */
    static ActionRow row(String key) {
        return ActionRow.of(Button.secondary(ComponentId.of(KEY, SHOW, key).encode(), LABEL));
    }

    @Override
    public String componentKey() {
        return KEY;
    }

    @Override
    public void onButton(ButtonInteractionEvent event, ComponentId id) {
        Optional<RawOutputs.Kept> kept = id.args().isEmpty() ? Optional.empty() : outputs.find(id.args().get(0));
        if (kept.isEmpty()) {
            Replies.notice(event, GONE);
            return;
        }
        RawOutputs.Kept k = kept.get();
        if (event.getUser().getIdLong() != k.ask().userId()) {
            // audited like any refused probe request; the refusal stands even if the audit cannot be written
            runner.recordRawOutputRefused(ProbeCommand.ask(event, EntryPoint.BUTTON, k.ask().node(), k.ask().probe(), k.ask().argument()), k);
            Replies.notice(event, NOT_YOURS);
            return;
        }
        byte[] bytes = k.text().getBytes(StandardCharsets.UTF_8);
        boolean cut = bytes.length > MAX_BYTES;
        if (cut) {
            bytes = java.util.Arrays.copyOf(bytes, MAX_BYTES);
        }
        ProbeAsk click = ProbeCommand.ask(event, EntryPoint.BUTTON, k.ask().node(), k.ask().probe(), k.ask().argument());
        if (!runner.recordRawOutput(click, k, bytes.length, cut)) {
            Replies.notice(event, "I could not record this in the probe audit, so I am not sending the output. Try again later.");
            return;
        }
        String name = k.ask().node() + "-" + k.ask().probe().id() + ".txt";
        String text = "Raw output of `" + k.ask().probe().id() + "` on `" + k.ask().node() + "` (" + bytes.length + " bytes"
                + (cut ? ", cut" : "") + "), with serials, MACs, UUIDs, addresses and host names masked. Only you see this.";
        Replies.send(event.reply(new MessageCreateBuilder()
                        .setContent(text)
                        .setFiles(FileUpload.fromData(bytes, name))
                        .setAllowedMentions(List.of())
                        .build())
                .setEphemeral(true), "raw output");
    }
}
