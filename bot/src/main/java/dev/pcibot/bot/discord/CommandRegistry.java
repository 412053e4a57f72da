package dev.pcibot.bot.discord;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every command and component handler of the bot, from the beans that implement them (add the
 * next one by writing a {@code @Singleton}). Refuses duplicate command names (per command type)
 * and duplicate component keys at start, uploads the commands per configured server (instant) or
 * globally (Discord takes up to an hour), and finds the handler for each interaction.
 */
@Singleton
public final class CommandRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(CommandRegistry.class);

    private final Map<String, BotCommand> commands = new LinkedHashMap<>();
    private final Map<String, ComponentHandler> components = new LinkedHashMap<>();

    public CommandRegistry(List<BotCommand> commands, List<ComponentHandler> handlers) {
        for (BotCommand c : commands) {
            BotCommand clash = this.commands.putIfAbsent(key(c.data().getType(), c.name()), c);
            if (clash != null) {
                throw new IllegalStateException("Two commands named '" + c.name() + "': "
                        + clash.getClass().getName() + " and " + c.getClass().getName());
            }
        }
        for (ComponentHandler h : handlers) {
            ComponentHandler clash = components.putIfAbsent(h.componentKey(), h);
            if (clash != null) {
                throw new IllegalStateException("Two component handlers with key '" + h.componentKey() + "': "
                        + clash.getClass().getName() + " and " + h.getClass().getName());
            }
        }
    }

    public Optional<BotCommand> command(Command.Type type, String name) {
        return Optional.ofNullable(commands.get(key(type, name)));
    }

    public Optional<ComponentHandler> component(String key) {
        return Optional.ofNullable(components.get(key));
    }

    /** What is uploaded, in registration order. */
    public List<CommandData> data() {
        return commands.values().stream().map(BotCommand::data).toList();
    }

    /** Uploads the commands to each listed server, or globally when the list is empty. */
    public void register(JDA jda, List<Long> guilds) {
        List<CommandData> data = data();
        JDA.ShardInfo shard = jda.getShardInfo();
        if (guilds.isEmpty()) {
            if (shard.getShardId() != 0) {
                return; // global commands are one upload for the whole bot: shard 0's
            }
            jda.updateCommands().addCommands(data).queue(
                    ok -> LOG.info("Registered {} Discord commands globally", ok.size()),
                    e -> LOG.warn("Could not register the Discord commands globally: {}", e.getMessage()));
            return;
        }
        List<Long> missing = new ArrayList<>();
        for (long id : guilds) {
            if (net.dv8tion.jda.api.utils.MiscUtil.getShardForGuild(id, shard.getShardTotal()) != shard.getShardId()) {
                continue; // the server's own shard, here or on another instance, registers it
            }
            Guild guild = jda.getGuildById(id);
            if (guild == null) {
                missing.add(id);
                continue;
            }
            guild.updateCommands().addCommands(data).queue(
                    ok -> LOG.info("Registered {} Discord commands on server {}", ok.size(), id),
                    e -> LOG.warn("Could not register the Discord commands on server {}: {}", id, e.getMessage()));
        }
        if (!missing.isEmpty()) {
            LOG.warn("discord.guilds lists servers the bot is not a member of: {}; invite it there first", missing);
        }
    }

    private static String key(Command.Type type, String name) {
        return type + ":" + name;
    }
}
