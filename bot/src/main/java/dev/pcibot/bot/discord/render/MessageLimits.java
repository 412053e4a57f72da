package dev.pcibot.bot.discord.render;

/**
 * Discord's message limits (discord-api-docs, message.mdx and components reference), in one place
 * so every renderer and test refers to the same numbers.
 */
public final class MessageLimits {
    public static final int CONTENT = 2000;
    public static final int EMBEDS = 10;
    /** Title, description, field names and values, footer and author of all embeds together. */
    public static final int EMBED_TOTAL = 6000;
    public static final int EMBED_TITLE = 256;
    public static final int EMBED_DESCRIPTION = 4096;
    public static final int EMBED_FIELDS = 25;
    public static final int FIELD_NAME = 256;
    public static final int FIELD_VALUE = 1024;
    public static final int FOOTER = 2048;
    public static final int CUSTOM_ID = 100;
    public static final int AUTOCOMPLETE_CHOICES = 25;
    public static final int CHOICE_NAME = 100;
    public static final int BUTTONS_PER_ROW = 5;
    /** What Discord accepts per uploaded file without boosts; reports stay well below it. */
    public static final int ATTACHMENT_BYTES = 10 * 1024 * 1024;

    private MessageLimits() {}
}
