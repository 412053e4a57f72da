package dev.pcibot.bot.discord.command;

import dev.pcibot.bot.discord.BotCommand;
import dev.pcibot.bot.discord.Replies;
import dev.pcibot.bot.discord.intake.AttachmentReader;
import dev.pcibot.bot.discord.intake.AttachmentRef;
import dev.pcibot.bot.discord.intake.PastedText;
import dev.pcibot.bot.Sizes;
import dev.pcibot.kb.diagnose.Diagnoser;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.interaction.command.MessageContextInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;

/**
 * "Diagnose this message" (right-click a message, Apps): diagnoses someone's pasted message, its
 * code blocks, its text and its text attachments together. Needs no message-content intent: the
 * interaction carries the resolved message.
 */
@Singleton
final class DiagnoseMessageCommand implements BotCommand {
    static final String NAME = "Diagnose this message";

    private final CommandData data = Commands.message(NAME);
    private final Diagnoser diagnoser;
    private final AttachmentReader attachments;
    private final DiagnosisReplies replies;

    DiagnoseMessageCommand(Diagnoser diagnoser, AttachmentReader attachments, DiagnosisReplies replies) {
        this.diagnoser = diagnoser;
        this.attachments = attachments;
        this.replies = replies;
    }

    @Override
    public CommandData data() {
        return data;
    }

    @Override
    public void onMessageContext(MessageContextInteractionEvent event) {
        Message message = event.getTarget();
        List<AttachmentRef> files = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        long total = 0;
        for (Message.Attachment a : message.getAttachments()) {
            AttachmentRef ref = AttachmentRef.of(a);
            Optional<String> refusal = attachments.refusal(ref);
            if (refusal.isPresent() || total + ref.size() > attachments.maxBytes()) {
                skipped.add(ref.fileName());
            } else {
                files.add(ref);
                total += ref.size();
            }
        }
        String content = message.getContentRaw();
        if (content.isBlank() && files.isEmpty()) {
            Replies.notice(event, skipped.isEmpty()
                    ? "That message has no text to diagnose."
                    : "That message has no text I can read: its attachments are not text files or together exceed "
                            + Sizes.human(attachments.maxBytes()) + ".");
            return;
        }
        String source = "the message" + (files.isEmpty() ? "" : " and " + files.size() + " attachment"
                + (files.size() == 1 ? "" : "s"))
                + (skipped.isEmpty() ? "" : " (skipped: " + String.join(", ", skipped) + ")");
        replies.start(event, source, message.getAuthor().getIdLong(), () -> {
            StringBuilder text = new StringBuilder(PastedText.of(content));
            for (AttachmentRef ref : files) {
                text.append('\n').append(attachments.readText(ref));
            }
            return DiagnosisReplies.Diagnosed.of(diagnoser, text.toString());
        });
    }
}
