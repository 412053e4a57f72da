package dev.pcibot.bot.discord.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.pcibot.bot.store.GuildSettingsStore;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** /pcibot with a Mockito event over the real settings store (H2). */
final class PcibotCommandTest {
    private final GuildSettingsStore settings = new GuildSettingsStore(database());
    private final PcibotCommand command = new PcibotCommand(settings);

    @Test
    void membersWithoutManageServerAreRefusedAndNothingChanges() {
        SlashCommandInteractionEvent event = event("add", false);
        command.onSlashCommand(event);
        assertEquals("You need the Manage Server permission to change my settings here.", replyText(event));
        assertEquals(Set.of(), settings.publicChannels(1L));
    }

    @Test
    void adminsAddListAndRemovePublicChannels() {
        SlashCommandInteractionEvent add = event("add", true);
        command.onSlashCommand(add);
        assertEquals("My replies in <#55> are now public.", replyText(add));
        assertTrue(settings.isPublic(1L, 55L));

        SlashCommandInteractionEvent list = event("list", true);
        command.onSlashCommand(list);
        assertEquals("My replies are public in: <#55>.", replyText(list));

        SlashCommandInteractionEvent remove = event("remove", true);
        command.onSlashCommand(remove);
        assertEquals("My replies in <#55> are now only visible to the person who asked.", replyText(remove));
        assertEquals(Set.of(), settings.publicChannels(1L));
    }

    @SuppressWarnings("unchecked")
    private static SlashCommandInteractionEvent event(String sub, boolean admin) {
        SlashCommandInteractionEvent event = mock(SlashCommandInteractionEvent.class, RETURNS_DEEP_STUBS);
        when(event.getGuild().getIdLong()).thenReturn(1L);
        when(event.getMember().hasPermission(Permission.MANAGE_SERVER)).thenReturn(admin);
        when(event.getMember().getIdLong()).thenReturn(9L);
        when(event.getChannelIdLong()).thenReturn(55L);
        when(event.getSubcommandName()).thenReturn(sub);
        when(event.getOption(eq(PcibotCommand.CHANNEL_OPTION), anyLong(), any(java.util.function.Function.class)))
                .thenReturn(55L);
        return event;
    }

    private static String replyText(SlashCommandInteractionEvent event) {
        ArgumentCaptor<MessageCreateData> reply = ArgumentCaptor.forClass(MessageCreateData.class);
        verify(event).reply(reply.capture());
        return reply.getValue().getContent();
    }

    private static DataSource database() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:pcibot-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        return ds;
    }
}
