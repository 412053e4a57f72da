package dev.pcibot.bot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The same migration and SQL on a real PostgreSQL (15+): see {@link TestPostgres} for how it is
 * named ({@code .ci/run} starts one). The database is emptied first, so never point it at real data.
 */
final class PostgresStoresTest {
    private static final Instant T0 = Instant.parse("2026-11-21T15:00:00Z");

    @Test
    void migrationAndEveryStoreRunOnPostgres() throws SQLException {
        DataSource ds = emptyDatabase();
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();

        StoredReply reply = new ReplyStore(ds).save(ReplyKind.DIAGNOSIS, 1L, 2L, 3L, null,
                List.of(List.of("iommu-not-enabled", "host-driver-bound")), T0);
        assertEquals(reply, new ReplyStore(ds).find(reply.id()).orElseThrow());
        new ReplyStore(ds).saveSeed(reply.id(), "[    0.0] DMAR: IOMMU enabled", T0);
        assertEquals("[    0.0] DMAR: IOMMU enabled", new ReplyStore(ds).seed(reply.id()).orElseThrow());
        assertEquals(1, new ReplyStore(ds).deleteSeedsBefore(T0.plusSeconds(1)));

        FeedbackStore feedback = new FeedbackStore(ds);
        feedback.vote(new Vote(reply.id(), "iommu-not-enabled", 1L, 2L, 7L, true, T0));
        feedback.vote(new Vote(reply.id(), "iommu-not-enabled", 1L, 2L, 7L, false, T0)); // changes the vote
        feedback.vote(new Vote(reply.id(), "iommu-not-enabled", null, 2L, 8L, true, T0));
        assertEquals(new Tally("iommu-not-enabled", 1, 1), feedback.tally("iommu-not-enabled"));
        assertEquals(List.of(new Tally("iommu-not-enabled", 1, 1)), feedback.tallies());

        GuildSettingsStore settings = new GuildSettingsStore(ds);
        assertTrue(settings.addPublicChannel(1L, 300L, 9L, T0));
        assertFalse(settings.addPublicChannel(1L, 300L, 9L, T0));
        assertTrue(settings.isPublic(1L, 300L));
        assertTrue(settings.removePublicChannel(1L, 300L));
        assertFalse(settings.isPublic(1L, 300L));

        ProbeAuditStore audit = new ProbeAuditStore(ds);
        audit.append(ProbeAuditStoreTest.allowed(T0));
        audit.append(ProbeAuditStoreTest.refused(T0.plusSeconds(1)));
        assertEquals(List.of("deny", "allow"), audit.recent(1L, 10).stream().map(ProbeAuditEntry::decision).toList());
        assertEquals(ProbeAuditStoreTest.allowed(T0), audit.recent(1L, 10).get(1));
    }

    private static DataSource emptyDatabase() {
        return TestPostgres.emptied().dataSource();
    }
}
