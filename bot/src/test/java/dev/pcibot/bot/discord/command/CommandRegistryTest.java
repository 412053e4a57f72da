package dev.pcibot.bot.discord.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pcibot.bot.discord.BotCommand;
import dev.pcibot.bot.discord.CommandRegistry;
import dev.pcibot.bot.discord.ComponentHandler;
import dev.pcibot.bot.discord.ReplyVisibility;
import dev.pcibot.bot.discord.Workers;
import dev.pcibot.bot.discord.intake.AttachmentReader;
import dev.pcibot.bot.store.GuildSettingsStore;
import dev.pcibot.bot.store.ReplyStore;
import dev.pcibot.ingest.Authority;
import dev.pcibot.ingest.Guide;
import dev.pcibot.ingest.GuideFormat;
import dev.pcibot.ingest.Section;
import dev.pcibot.kb.diagnose.Diagnoser;
import dev.pcibot.kb.search.KbIndex;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command the bot offers, built from real parts (a small real index, real H2), as Discord gets them. */
final class CommandRegistryTest {
    @TempDir
    static Path indexDir;

    private static KbIndex index;
    private static List<BotCommand> commands;
    private static List<ComponentHandler> handlers;

    @BeforeAll
    static void build() {
        Guide guide = new Guide("pve-admin-guide", "Proxmox VE Administration Guide",
                "https://pve.proxmox.com/pve-docs/pve-admin-guide.html", Authority.values()[0], GuideFormat.values()[0], "x");
        Section section = new Section("pve-admin-guide/verify-iommu", guide, List.of("PCI(e) Passthrough", "Verify IOMMU"),
                "dmesg | grep -e DMAR -e IOMMU shows whether the IOMMU is enabled", List.of("dmesg | grep -e DMAR -e IOMMU"),
                "https://pve.proxmox.com/pve-docs/pve-admin-guide.html#qm_pci_passthrough");
        index = KbIndex.open(indexDir, List.of(section), "fp-1");

        DataSource ds = database();
        ReplyStore replies = new ReplyStore(ds);
        Workers workers = new Workers(1, 1);
        ReplyVisibility visibility = new ReplyVisibility(new GuildSettingsStore(ds));
        AttachmentReader attachments = new AttachmentReader(1024, Duration.ofSeconds(1));
        Diagnoser diagnoser = Diagnoser.withoutCitations();
        DiagnosisReplies diagnosisReplies = new DiagnosisReplies(workers, visibility, replies);
        AskCommand ask = new AskCommand(index.searcher(), diagnoser, java.util.Optional.empty(), replies, workers, visibility);
        DiagnoseCommand diagnose = new DiagnoseCommand(diagnoser, attachments, diagnosisReplies);
        commands = List.of(ask, diagnose, new DiagnoseMessageCommand(diagnoser, attachments, diagnosisReplies),
                new PcibotCommand(new GuildSettingsStore(ds), new dev.pcibot.bot.store.FeedbackStore(ds)));
        handlers = List.of(ask, diagnose, new FeedbackButtons(replies, new dev.pcibot.bot.store.FeedbackStore(ds), workers),
                new DeleteButton());
    }

    @AfterAll
    static void close() {
        index.close();
    }

    @Test
    void registersEveryCommandUnderItsName() {
        CommandRegistry registry = new CommandRegistry(commands, handlers);
        assertEquals(List.of("ask", "diagnose", "Diagnose this message", "pcibot"),
                registry.data().stream().map(CommandData::getName).toList());
        assertEquals(Command.Type.MESSAGE, registry.data().get(2).getType());
        assertSame(commands.get(0), registry.command(Command.Type.SLASH, "ask").orElseThrow());
        assertTrue(registry.command(Command.Type.MESSAGE, "ask").isEmpty(), "names are per command type");
        for (String key : List.of("ask", "dx", "fb", "del")) {
            assertTrue(registry.component(key).isPresent(), key);
        }
    }

    @Test
    void commandDataIsWhatDiscordAccepts() {
        for (CommandData data : new CommandRegistry(commands, handlers).data()) {
            // JDA validates names, descriptions and option limits while serialising
            String json = data.toData().toString();
            assertTrue(json.length() > 10, json);
        }
        String diagnose = commands.get(1).data().toData().toString();
        assertTrue(diagnose.contains("\"max_length\":6000"), diagnose);
        assertTrue(commands.get(3).data().toData().toString().contains("\"default_member_permissions\":\"32\""),
                "Manage Server only");
    }

    @Test
    void refusesDuplicateCommandNamesAndComponentKeys() {
        List<BotCommand> twice = List.of(commands.get(0), commands.get(0));
        IllegalStateException names = assertThrows(IllegalStateException.class, () -> new CommandRegistry(twice, List.of()));
        assertTrue(names.getMessage().contains("Two commands named 'ask'"), names.getMessage());
        List<ComponentHandler> keys = List.of(handlers.get(2), handlers.get(2));
        IllegalStateException handler = assertThrows(IllegalStateException.class, () -> new CommandRegistry(List.of(), keys));
        assertTrue(handler.getMessage().contains("key 'fb'"), handler.getMessage());
    }

    private static DataSource database() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:cmd-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        return ds;
    }
}
