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

import dev.pcibot.bot.store.FeedbackStore;
import dev.pcibot.bot.store.GuildSettingsStore;
import dev.pcibot.bot.store.ReplyKind;
import dev.pcibot.bot.store.ReplyStore;
import dev.pcibot.bot.store.Vote;
import java.time.Instant;
import java.util.List;
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
    private final DataSource ds = database();
    private final GuildSettingsStore settings = new GuildSettingsStore(ds);
    private final FeedbackStore feedback = new FeedbackStore(ds);
    private final PcibotCommand command = new PcibotCommand(settings, feedback);

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

    @Test
    void feedbackListsTheMostVotedItemsWithTheirPrecision() {
        SlashCommandInteractionEvent none = event("feedback", true);
        command.onSlashCommand(none);
        assertEquals("Nobody has rated an answer or a finding yet.", replyText(none));

        long reply = new ReplyStore(ds).save(ReplyKind.DIAGNOSIS, 1L, 55L, 9L, null,
                List.of(List.of("iommu-not-enabled", "host-driver-bound")), Instant.EPOCH).id();
        feedback.vote(new Vote(reply, "iommu-not-enabled", 1L, 55L, 1L, true, Instant.EPOCH));
        feedback.vote(new Vote(reply, "iommu-not-enabled", 1L, 55L, 2L, true, Instant.EPOCH));
        feedback.vote(new Vote(reply, "iommu-not-enabled", 1L, 55L, 3L, false, Instant.EPOCH));
        feedback.vote(new Vote(reply, "host-driver-bound", 1L, 55L, 1L, false, Instant.EPOCH));

        SlashCommandInteractionEvent rated = event("feedback", true);
        command.onSlashCommand(rated);
        assertEquals("Ratings (helpful / not helpful, most voted first):\n"
                + "`iommu-not-enabled`: 2 / 1 (67% helpful)\n"
                + "`host-driver-bound`: 0 / 1 (0% helpful)", replyText(rated));
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
