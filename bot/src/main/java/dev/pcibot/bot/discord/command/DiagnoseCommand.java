package dev.pcibot.bot.discord.command;

import dev.pcibot.bot.discord.ComponentHandler;
import dev.pcibot.bot.discord.ComponentId;
import dev.pcibot.bot.discord.Replies;
import dev.pcibot.bot.discord.SlashCommandAdapter;
import dev.pcibot.bot.discord.intake.AttachmentReader;
import dev.pcibot.bot.discord.intake.AttachmentRef;
import dev.pcibot.bot.Sizes;
import dev.pcibot.kb.diagnose.Diagnoser;
import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;

/**
 * {@code /diagnose}: explains pasted {@code dmesg}, {@code lspci -nnk}, IOMMU-group and similar
 * output. Text up to Discord's 6,000 characters in {@code text}, whole logs as a {@code file};
 * with neither, a form opens to paste into (4,000 characters).
 */
@Singleton
final class DiagnoseCommand extends SlashCommandAdapter implements ComponentHandler {
    static final String TEXT_OPTION = "text";
    static final String FILE_OPTION = "file";
    static final String KEY = "dx";
    static final String PASTE = "paste";
    static final String PASTE_INPUT = "output";
    static final int MODAL_MAX = TextInput.MAX_VALUE_LENGTH;

    private final Diagnoser diagnoser;
    private final AttachmentReader attachments;
    private final DiagnosisReplies replies;

    DiagnoseCommand(Diagnoser diagnoser, AttachmentReader attachments, DiagnosisReplies replies) {
        super("diagnose", "Explain pasted dmesg, lspci -nnk or IOMMU group output");
        this.diagnoser = diagnoser;
        this.attachments = attachments;
        this.replies = replies;
        data().addOptions(
                new OptionData(OptionType.STRING, TEXT_OPTION, "The pasted output (up to 6,000 characters)")
                        .setMaxLength(OptionData.MAX_STRING_OPTION_LENGTH),
                new OptionData(OptionType.ATTACHMENT, FILE_OPTION,
                        "A text file with the output (.txt, .log; up to " + Sizes.human(attachments.maxBytes()) + ")"));
    }

    @Override
    public String componentKey() {
        return KEY;
    }

    @Override
    public void onSlashCommand(SlashCommandInteractionEvent event) {
        String text = event.getOption(TEXT_OPTION, OptionMapping::getAsString);
        Message.Attachment file = event.getOption(FILE_OPTION, OptionMapping::getAsAttachment);
        if ((text == null || text.isBlank()) && file == null) {
            Replies.send(event.replyModal(pasteForm()), "paste form");
            return;
        }
        if (file == null) {
            replies.start(event, "your paste", () -> DiagnosisReplies.Diagnosed.of(diagnoser, text));
            return;
        }
        AttachmentRef ref = AttachmentRef.of(file);
        Optional<String> refusal = attachments.refusal(ref);
        if (refusal.isPresent()) {
            Replies.notice(event, refusal.get()); // answered at once: no download, no deferral
            return;
        }
        String source = "attachment " + ref.fileName();
        replies.start(event, source, () -> {
            // the bytes read are kept as they pass (the reader stops at the size limit) for the walk button
            java.io.ByteArrayOutputStream copy = new java.io.ByteArrayOutputStream();
            try (InputStream in = new CopyingInputStream(withText(text, attachments.open(ref)), copy)) {
                return new DiagnosisReplies.Diagnosed(diagnoser.diagnose(in), copy.toString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public void onModal(ModalInteractionEvent event, ComponentId id) {
        ModalMapping value = event.getValue(PASTE_INPUT);
        String text = value == null ? "" : value.getAsString();
        if (text.isBlank()) {
            Replies.notice(event, "The form was empty: paste the command output into it.");
            return;
        }
        replies.start(event, "your paste", () -> DiagnosisReplies.Diagnosed.of(diagnoser, text));
    }

    static Modal pasteForm() {
        TextInput input = TextInput.create(PASTE_INPUT, TextInputStyle.PARAGRAPH)
                .setPlaceholder("dmesg | grep -e DMAR -e IOMMU -e AMD-Vi   or   lspci -nnk")
                .setRequiredRange(1, MODAL_MAX)
                .build();
        return Modal.create(ComponentId.of(KEY, PASTE).encode(), "Paste command output")
                .addComponents(Label.of("Output (up to 4,000 characters)", input))
                .build();
    }

    private static InputStream withText(String text, InputStream file) {
        if (text == null || text.isBlank()) {
            return file;
        }
        byte[] head = (text + "\n").getBytes(StandardCharsets.UTF_8);
        return new SequenceInputStream(new ByteArrayInputStream(head), file);
    }
}
