package dev.pcibot.bot.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.pcibot.bot.discord.gate.Gate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.MessageContextInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The router with JDA events as Mockito stubs: the gate comes first on every entry point. */
final class InteractionRouterTest {
    private static final long SERVED = 100L;
    private static final long OTHER = 999L;

    private final AtomicInteger handled = new AtomicInteger();

    private final class Counting extends SlashCommandAdapter implements ComponentHandler {
        Counting() {
            super("ask", "Ask");
        }

        @Override
        public void onSlashCommand(SlashCommandInteractionEvent event) {
            handled.incrementAndGet();
        }

        @Override
        public void onAutoComplete(CommandAutoCompleteInteractionEvent event) {
            handled.incrementAndGet();
        }

        @Override
        public String componentKey() {
            return "ask";
        }

        @Override
        public void onButton(ButtonInteractionEvent event, ComponentId id) {
            handled.incrementAndGet();
        }

        @Override
        public void onModal(ModalInteractionEvent event, ComponentId id) {
            handled.incrementAndGet();
        }
    }

    private final class Menu implements BotCommand {
        @Override
        public CommandData data() {
            return Commands.message("Diagnose this message");
        }

        @Override
        public void onMessageContext(MessageContextInteractionEvent event) {
            handled.incrementAndGet();
        }
    }

    private InteractionRouter router(List<BotCommand> commands, List<ComponentHandler> handlers) {
        DiscordConfig config = new DiscordConfig(null, null, "https://discord.com/api/v10/", null, List.of(),
                List.of(SERVED), List.of(), new DiscordConfig.RateLimit(100, Duration.ofMinutes(1)), 1024,
                Duration.ofSeconds(1), 1, 1);
        return new InteractionRouter(new Gate(config), new CommandRegistry(commands, handlers), config);
    }

    private static <T extends net.dv8tion.jda.api.interactions.Interaction> T in(T event, long guild) {
        when(event.getGuild().getIdLong()).thenReturn(guild);
        when(event.getChannelIdLong()).thenReturn(5L);
        when(event.getUser().getIdLong()).thenReturn(7L);
        return event;
    }

    @Test
    void everyEntryPointIsRefusedByTheGateBeforeAnyHandlerRuns() {
        Counting ask = new Counting();
        InteractionRouter router = router(List.of(ask, new Menu()), List.of(ask));

        SlashCommandInteractionEvent slash = in(mock(SlashCommandInteractionEvent.class, RETURNS_DEEP_STUBS), OTHER);
        when(slash.getName()).thenReturn("ask");
        router.onSlashCommandInteraction(slash);
        MessageContextInteractionEvent menu = in(mock(MessageContextInteractionEvent.class, RETURNS_DEEP_STUBS), OTHER);
        when(menu.getName()).thenReturn("Diagnose this message");
        router.onMessageContextInteraction(menu);
        ButtonInteractionEvent button = in(mock(ButtonInteractionEvent.class, RETURNS_DEEP_STUBS), OTHER);
        when(button.getComponentId()).thenReturn("ask:more:1:1");
        router.onButtonInteraction(button);
        ModalInteractionEvent modal = in(mock(ModalInteractionEvent.class, RETURNS_DEEP_STUBS), OTHER);
        when(modal.getModalId()).thenReturn("ask:paste");
        router.onModalInteraction(modal);
        CommandAutoCompleteInteractionEvent auto = in(mock(CommandAutoCompleteInteractionEvent.class, RETURNS_DEEP_STUBS), OTHER);
        when(auto.getName()).thenReturn("ask");
        router.onCommandAutoCompleteInteraction(auto);

        assertEquals(0, handled.get());
        for (var event : List.of(slash, menu, button, modal)) {
            ArgumentCaptor<MessageCreateData> reply = ArgumentCaptor.forClass(MessageCreateData.class);
            verify((net.dv8tion.jda.api.interactions.callbacks.IReplyCallback) event).reply(reply.capture());
            assertEquals("This bot is not enabled on this server.", reply.getValue().getContent());
        }
        verify(auto).replyChoices();
    }

    @Test
    void servedInteractionsReachTheirHandlers() {
        Counting ask = new Counting();
        InteractionRouter router = router(List.of(ask, new Menu()), List.of(ask));
        SlashCommandInteractionEvent slash = in(mock(SlashCommandInteractionEvent.class, RETURNS_DEEP_STUBS), SERVED);
        when(slash.getName()).thenReturn("ask");
        router.onSlashCommandInteraction(slash);
        ButtonInteractionEvent button = in(mock(ButtonInteractionEvent.class, RETURNS_DEEP_STUBS), SERVED);
        when(button.getComponentId()).thenReturn("ask:more:1:1");
        router.onButtonInteraction(button);
        MessageContextInteractionEvent menu = in(mock(MessageContextInteractionEvent.class, RETURNS_DEEP_STUBS), SERVED);
        when(menu.getName()).thenReturn("Diagnose this message");
        router.onMessageContextInteraction(menu);
        assertEquals(3, handled.get());
        verify(slash, never()).reply(any(MessageCreateData.class));
    }

    @Test
    void aThrowingHandlerGetsAnApologyNotSilence() {
        SlashCommandAdapter broken = new SlashCommandAdapter("diagnose", "Broken") {
            @Override
            public void onSlashCommand(SlashCommandInteractionEvent event) {
                throw new IllegalStateException("bug");
            }
        };
        InteractionRouter router = router(List.of(broken), List.of());
        SlashCommandInteractionEvent slash = in(mock(SlashCommandInteractionEvent.class, RETURNS_DEEP_STUBS), SERVED);
        when(slash.getName()).thenReturn("diagnose");
        when(slash.isAcknowledged()).thenReturn(false);
        router.onSlashCommandInteraction(slash);

        ArgumentCaptor<MessageCreateData> reply = ArgumentCaptor.forClass(MessageCreateData.class);
        verify(slash).reply(reply.capture());
        assertEquals(InteractionRouter.FAILED, reply.getValue().getContent());
        verify(slash.reply(any(MessageCreateData.class))).setEphemeral(anyBoolean());
    }

    @Test
    void unknownButtonsAreAnsweredPolitely() {
        InteractionRouter router = router(List.of(), List.of());
        ButtonInteractionEvent button = in(mock(ButtonInteractionEvent.class, RETURNS_DEEP_STUBS), SERVED);
        when(button.getComponentId()).thenReturn("legacy-button-without-separator");
        router.onButtonInteraction(button);
        ArgumentCaptor<MessageCreateData> reply = ArgumentCaptor.forClass(MessageCreateData.class);
        verify(button).reply(reply.capture());
        assertEquals("This button is from an older version of me and no longer works.", reply.getValue().getContent());
    }
}
