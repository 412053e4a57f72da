package dev.pcibot.bot.probe;

import dev.pcibot.bot.discord.DiscordConfig;
import dev.pcibot.bot.discord.gate.EntryPoint;
import dev.pcibot.bot.discord.gate.Gate;
import dev.pcibot.bot.store.ProbeAuditStore;
import dev.pcibot.kb.diagnose.Diagnoser;
import dev.pcibot.kb.diagnose.Probe;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.jspecify.annotations.Nullable;

/**
 * One server with two API nodes on a fake pveproxy, its grants and deny rules as an admin would
 * write them (through {@link ProbeSettingsReader}), and a real {@link ProbeRunner} over a real
 * H2 audit: what the authorization tests drive.
 */
final class ProbeWorld {
    static final long GUILD = 900L;
    static final long CHANNEL = 901L;
    static final long OTHER_CHANNEL = 902L;
    static final long ADMIN_ROLE = 910L;
    static final long ADMIN = 920L;
    static final long ALICE = 921L;
    static final long STRANGER = 922L;
    static final long BOB = 923L; // has the admin role, and a deny rule names him

    final ProbeSettings settings;
    final ProbeRunner runner;
    final ProbeAuditStore audit;

    ProbeWorld(FakePveApi api, Path dir, String pin, int perUser) {
        Path secret = FakePveApi.secretFile(dir, FakePveApi.SECRET);
        List<ProbeNodeConfig> nodes = List.of(TestNodes.apiConfig("pve1", api.port(), secret, pin, null),
                TestNodes.apiConfig("pve2", api.port(), secret, pin, null));
        Map<String, Object> guilds = Map.ofEntries(
                Map.entry(GUILD + ".channels", List.of(CHANNEL)),
                Map.entry(GUILD + ".grants.admins.roles", List.of(ADMIN_ROLE)),
                Map.entry(GUILD + ".grants.admins.nodes", List.of("pve1")),
                Map.entry(GUILD + ".grants.admins.probes", "*"),
                Map.entry(GUILD + ".grants.admins.vmids", List.of("100-199")),
                Map.entry(GUILD + ".grants.alice.users", List.of(ALICE)),
                Map.entry(GUILD + ".grants.alice.nodes", "pve1,pve2"),
                Map.entry(GUILD + ".grants.alice.probes", List.of("kernel-iommu")),
                Map.entry(GUILD + ".deny.no-vm-150.probes", "qm-config"),
                Map.entry(GUILD + ".deny.no-vm-150.vmids", "150"),
                Map.entry(GUILD + ".deny.bob-out.users", List.of(BOB)));
        ProbeLimitsConfig limits = new ProbeLimitsConfig(perUser, Math.max(1000, perUser), Math.max(1000, perUser), Duration.ofMinutes(1), Duration.ofSeconds(25), 262_144);
        settings = new ProbeSettingsReader(name -> null).read(nodes, guilds, limits);
        DiscordConfig discord = new DiscordConfig(null, null, "https://discord.invalid/", null, List.of(), List.of(), List.of(),
                new DiscordConfig.RateLimit(1000, Duration.ofMinutes(1)), 1024, Duration.ofSeconds(1), 1, 1);
        audit = new ProbeAuditStore(database());
        runner = new ProbeRunner(settings, new Gate(discord, Clock.systemUTC(), settings), new ProbeTransports(), audit,
                Diagnoser.withoutCitations());
    }

    static ProbeAsk ask(EntryPoint entry, @Nullable Long guild, long channel, long user, String node, Probe probe,
            @Nullable String argument) {
        List<Long> roles = user == ADMIN || user == BOB ? List.of(ADMIN_ROLE) : List.of();
        return new ProbeAsk(entry, guild, channel, user, "user" + user, roles, node, probe, argument, UUID.randomUUID());
    }

    static DataSource database() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:probes-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        return ds;
    }
}
