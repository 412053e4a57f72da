package dev.pcibot.bot.discord;

import dev.pcibot.bot.store.GuildSettingsStore;
import dev.pcibot.bot.store.StoreException;
import jakarta.inject.Singleton;
import net.dv8tion.jda.api.interactions.Interaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a reply is public or only visible to the asker: public in the channels a server's
 * admins chose ({@code /pcibot public-channel add}) and in direct messages, ephemeral elsewhere.
 */
@Singleton
public final class ReplyVisibility {
    private static final Logger LOG = LoggerFactory.getLogger(ReplyVisibility.class);

    private final GuildSettingsStore settings;

    public ReplyVisibility(GuildSettingsStore settings) {
        this.settings = settings;
    }

    public boolean ephemeral(Interaction interaction) {
        if (interaction.getGuild() == null) {
            return false;
        }
        try {
            return !settings.isPublic(interaction.getGuild().getIdLong(), interaction.getChannelIdLong());
        } catch (StoreException e) {
            LOG.warn("Could not read public channels, replying ephemerally: {}", e.getMessage());
            return true; // when unsure, do not broadcast
        }
    }
}
