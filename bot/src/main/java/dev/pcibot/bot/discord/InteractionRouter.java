package dev.pcibot.bot.discord;

import dev.pcibot.bot.discord.gate.EntryPoint;
import dev.pcibot.bot.discord.gate.Gate;
import dev.pcibot.bot.discord.gate.GateDecision;
import dev.pcibot.bot.discord.gate.GateRequest;
import dev.pcibot.bot.ops.ServiceMetrics;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.events.guild.GuildJoinEvent;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.MessageContextInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.Command;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where every interaction enters, one method per kind: each passes the {@link Gate} first (denied:
 * a readable ephemeral message, or no choices for autocomplete), then goes to its handler from the
 * {@link CommandRegistry}. A handler that throws gets a polite ephemeral apology, never silence.
 */
@Singleton
public final class InteractionRouter extends ListenerAdapter {
    static final String FAILED = "Something went wrong on my side; it has been logged. Please try again.";
    private static final Logger LOG = LoggerFactory.getLogger(InteractionRouter.class);

    private final Gate gate;
    private final CommandRegistry registry;
    private final DiscordConfig config;
    @Inject ServiceMetrics metrics = ServiceMetrics.unregistered();

    public InteractionRouter(Gate gate, CommandRegistry registry, DiscordConfig config) {
        this.gate = gate;
        this.registry = registry;
        this.config = config;
    }

    @Override
    public void onReady(ReadyEvent event) {
        registry.register(event.getJDA(), config.guilds());
    }

    /** A server listed in discord.guilds that invites the bot later gets its commands at once. */
    @Override
    public void onGuildJoin(GuildJoinEvent event) {
        long id = event.getGuild().getIdLong();
        if (config.guilds().contains(id)) {
            registry.register(event.getJDA(), List.of(id));
        }
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        if (passes(event, EntryPoint.SLASH)) {
            Optional<BotCommand> command = registry.command(Command.Type.SLASH, event.getName());
            run(event, () -> command.ifPresentOrElse(c -> c.onSlashCommand(event), () -> unknown(event)));
        }
    }

    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        GateDecision decision = gate.check(request(event, EntryPoint.AUTOCOMPLETE));
        metrics.interaction(event, decision.allowed() ? ServiceMetrics.ADMITTED : ServiceMetrics.REFUSED);
        if (!decision.allowed()) {
            event.replyChoices().queue(ok -> {}, e -> LOG.warn("Autocomplete refused: {}", e.getMessage()));
            return;
        }
        try {
            registry.command(Command.Type.SLASH, event.getName())
                    .ifPresentOrElse(c -> c.onAutoComplete(event), () -> Replies.send(event.replyChoices(), "autocomplete"));
        } catch (RuntimeException e) {
            LOG.warn("Autocomplete for /{} failed", event.getName(), e);
            metrics.interaction(event, ServiceMetrics.FAILED);
            if (!event.isAcknowledged()) {
                Replies.send(event.replyChoices(), "autocomplete");
            }
        }
    }

    @Override
    public void onMessageContextInteraction(MessageContextInteractionEvent event) {
        if (passes(event, EntryPoint.CONTEXT_MENU)) {
            Optional<BotCommand> command = registry.command(Command.Type.MESSAGE, event.getName());
            run(event, () -> command.ifPresentOrElse(c -> c.onMessageContext(event), () -> unknown(event)));
        }
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        if (passes(event, EntryPoint.BUTTON)) {
            Optional<ComponentId> id = ComponentId.parse(event.getComponentId());
            Optional<ComponentHandler> handler = id.flatMap(i -> registry.component(i.command()));
            run(event, () -> {
                if (handler.isPresent()) {
                    handler.get().onButton(event, id.get());
                } else {
                    Replies.notice(event, "This button is from an older version of me and no longer works.");
                }
            });
        }
    }

    @Override
    public void onModalInteraction(ModalInteractionEvent event) {
        if (passes(event, EntryPoint.MODAL)) {
            Optional<ComponentId> id = ComponentId.parse(event.getModalId());
            Optional<ComponentHandler> handler = id.flatMap(i -> registry.component(i.command()));
            run(event, () -> {
                if (handler.isPresent()) {
                    handler.get().onModal(event, id.get());
                } else {
                    Replies.notice(event, "This form is from an older version of me and no longer works.");
                }
            });
        }
    }

    private <E extends Interaction & IReplyCallback> boolean passes(E event, EntryPoint entry) {
        GateDecision decision = gate.check(request(event, entry));
        metrics.interaction(event, decision.allowed() ? ServiceMetrics.ADMITTED : ServiceMetrics.REFUSED);
        if (!decision.allowed()) {
            Replies.notice(event, decision.message());
        }
        return decision.allowed();
    }

    static GateRequest request(Interaction event, EntryPoint entry) {
        Long guild = event.getGuild() == null ? null : event.getGuild().getIdLong();
        return new GateRequest(entry, guild, channelOf(event), event.getUser().getIdLong());
    }

    /** A thread counts as its parent channel: a conversation's thread is where its channel allows it. */
    public static long channelOf(Interaction event) {
        if (event.getChannel() instanceof net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel thread) {
            try {
                return thread.getParentChannel().getIdLong();
            } catch (RuntimeException e) { // the parent is not cached: the thread stands for itself
                return event.getChannelIdLong();
            }
        }
        return event.getChannelIdLong();
    }

    private void run(IReplyCallback event, Runnable handler) {
        try {
            handler.run();
        } catch (RuntimeException e) {
            LOG.warn("Handling a Discord interaction failed", e);
            metrics.interaction(event, ServiceMetrics.FAILED);
            if (!event.isAcknowledged()) {
                Replies.notice(event, FAILED);
            } else {
                Replies.finish(event.getHook(), FAILED);
            }
        }
    }

    private static void unknown(IReplyCallback event) {
        Replies.notice(event, "I don't know that command (any more).");
    }
}
