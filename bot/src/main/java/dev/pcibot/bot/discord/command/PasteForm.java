package dev.pcibot.bot.discord.command;

import dev.pcibot.bot.Sizes;
import dev.pcibot.bot.discord.ComponentId;
import dev.pcibot.bot.discord.intake.AttachmentReader;
import dev.pcibot.bot.discord.intake.AttachmentRef;
import dev.pcibot.bot.discord.intake.AttachmentRejectedException;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.components.attachmentupload.AttachmentUpload;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;
import org.jspecify.annotations.Nullable;

/**
 * The form a troubleshooting step's output is pasted into: a text box (Discord's 4,000 characters)
 * and, beside it, a file upload for whole logs. Both are optional, one is needed; a file is read
 * like a {@code /diagnose} attachment: text only, within {@code discord.max-attachment-bytes}.
 */
final class PasteForm {
    static final String TEXT_INPUT = "output";
    static final String FILE_INPUT = "file";
    static final String EMPTY = "The form was empty: paste the output into the box, or attach it as a file.";

    /** What the form carried, checked from Discord's metadata alone (no download yet). */
    record Submitted(String text, @Nullable AttachmentRef file) {}

    private final AttachmentReader attachments;

    PasteForm(AttachmentReader attachments) {
        this.attachments = attachments;
    }

    /** @param args the paste button's: conversation, step, and (from this version on) probe and after-fix */
    Modal build(String key, List<String> args) {
        TextInput input = TextInput.create(TEXT_INPUT, TextInputStyle.PARAGRAPH)
                .setPlaceholder("Paste what the command printed")
                .setRequired(false)
                .setMaxLength(TextInput.MAX_VALUE_LENGTH)
                .build();
        AttachmentUpload upload = AttachmentUpload.create(FILE_INPUT).setRequired(false).setRequiredRange(1, 1).build();
        return Modal.create(new ComponentId(key, "m", args).encode(), "Paste the output")
                .addComponents(
                        Label.of("Output (up to 4,000 characters)", input),
                        Label.of("Or attach it as a file", "A text file (.txt, .log), up to "
                                + Sizes.human(attachments.maxBytes()) + "; binary files are refused", upload))
                .build();
    }

    /**
     * Reads the submit; a refusal (nothing given, a file that is not text or too big) is the message
     * to show, decided without downloading anything.
     */
    Submitted read(ModalInteractionEvent event) throws AttachmentRejectedException {
        ModalMapping text = event.getValue(TEXT_INPUT);
        String typed = text == null ? "" : text.getAsString();
        ModalMapping file = event.getValue(FILE_INPUT);
        List<Message.Attachment> files = file == null ? List.of() : file.getAsAttachmentList();
        if (files.isEmpty()) {
            if (typed.isBlank()) {
                throw new AttachmentRejectedException(EMPTY);
            }
            return new Submitted(typed, null);
        }
        AttachmentRef ref = AttachmentRef.of(files.get(0));
        Optional<String> refusal = attachments.refusal(ref);
        if (refusal.isPresent()) {
            throw new AttachmentRejectedException(refusal.get());
        }
        return new Submitted(typed, ref);
    }

    /** The whole output: what was typed, then the file's text (downloaded now, bounded, NUL-checked). */
    String text(Submitted submitted) throws AttachmentRejectedException {
        if (submitted.file() == null) {
            return submitted.text();
        }
        String file = attachments.readText(submitted.file()); // stops at the size limit
        return submitted.text().isBlank() ? file : submitted.text() + "\n" + file;
    }
}
