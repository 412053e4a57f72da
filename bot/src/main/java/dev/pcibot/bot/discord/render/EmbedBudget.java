package dev.pcibot.bot.discord.render;

import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.entities.MessageEmbed;

/**
 * The embeds of one message, kept within Discord's message-wide limits: at most 10 embeds and
 * 6,000 characters across all of them. JDA checks each embed alone, not their sum, so this class
 * is what keeps the sum.
 */
public final class EmbedBudget {
    private final List<MessageEmbed> embeds = new ArrayList<>();
    private int remaining = MessageLimits.EMBED_TOTAL;

    /** Characters still free across the message. */
    public int remaining() {
        return remaining;
    }

    /** Embeds still free. */
    public int slots() {
        return MessageLimits.EMBEDS - embeds.size();
    }

    /** Adds the embed when it fits; false (and nothing added) when it does not. */
    public boolean tryAdd(MessageEmbed embed) {
        int length = embed.getLength();
        if (slots() == 0 || length > remaining) {
            return false;
        }
        embeds.add(embed);
        remaining -= length;
        return true;
    }

    public List<MessageEmbed> embeds() {
        return List.copyOf(embeds);
    }
}
