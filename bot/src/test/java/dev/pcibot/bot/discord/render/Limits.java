package dev.pcibot.bot.discord.render;

import static org.junit.jupiter.api.Assertions.assertTrue;

import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/** Asserts a message keeps every Discord limit, counted the way Discord counts. */
final class Limits {
    private Limits() {}

    static void assertWithinDiscordLimits(MessageCreateData message) {
        assertTrue(message.getContent().length() <= MessageLimits.CONTENT, "content");
        assertTrue(message.getEmbeds().size() <= MessageLimits.EMBEDS, "embed count");
        int total = 0;
        for (MessageEmbed e : message.getEmbeds()) {
            String title = e.getTitle() == null ? "" : e.getTitle();
            String description = e.getDescription() == null ? "" : e.getDescription();
            String footer = e.getFooter() == null || e.getFooter().getText() == null ? "" : e.getFooter().getText();
            assertTrue(title.length() <= MessageLimits.EMBED_TITLE, "title " + title.length());
            assertTrue(description.length() <= MessageLimits.EMBED_DESCRIPTION, "description " + description.length());
            assertTrue(footer.length() <= MessageLimits.FOOTER, "footer");
            assertTrue(e.getFields().size() <= MessageLimits.EMBED_FIELDS, "fields");
            for (MessageEmbed.Field f : e.getFields()) {
                assertTrue(f.getName().length() <= MessageLimits.FIELD_NAME, "field name");
                assertTrue(f.getValue().length() <= MessageLimits.FIELD_VALUE, "field value");
                total += f.getName().length() + f.getValue().length();
            }
            total += title.length() + description.length() + footer.length();
            assertEvenFences(description);
        }
        assertTrue(total <= MessageLimits.EMBED_TOTAL, "characters across embeds: " + total);
        for (var row : message.getComponents()) {
            for (Button b : ((ActionRow) row).getButtons()) {
                assertTrue(b.getCustomId() == null || b.getCustomId().length() <= MessageLimits.CUSTOM_ID, "custom_id");
            }
        }
        assertTrue(message.getAllowedMentions().isEmpty(), "allowed mentions must be empty");
    }

    /** An odd number of ``` would leave a code block open and swallow the rest of the message. */
    static void assertEvenFences(String markdown) {
        int n = 0;
        for (int i = markdown.indexOf("```"); i >= 0; i = markdown.indexOf("```", i + 3)) {
            n++;
        }
        assertTrue(n % 2 == 0, "unbalanced code fences in:\n" + markdown);
    }
}
