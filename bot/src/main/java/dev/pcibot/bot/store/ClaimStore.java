package dev.pcibot.bot.store;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First come, first served for Discord events shared by several instances: {@link #claim} inserts
 * the event's id under a unique key, so of two instances that received the same interaction
 * exactly one gets {@code true} and answers it. One database round trip per event.
 */
@Singleton
public class ClaimStore {
    private static final Logger LOG = LoggerFactory.getLogger(ClaimStore.class);
    /** Longer than anything Discord may still deliver or accept an answer for (tokens live 15 min). */
    static final Duration KEEP = Duration.ofHours(1);
    private static final Duration PURGE_EVERY = Duration.ofMinutes(5);
    private static final String INSERT = "INSERT INTO discord_claim (event_id, instance, claimed_at) VALUES (?, ?, ?)";
    private static final String OWNER = "SELECT instance FROM discord_claim WHERE event_id = ?";
    private static final String PURGE = "DELETE FROM discord_claim WHERE claimed_at < ?";
    private static final String INTEGRITY_VIOLATION = "23"; // SQLSTATE class; 23505 on H2 and PostgreSQL

    private final DataSource dataSource;
    private final AtomicLong nextPurgeMillis = new AtomicLong();

    public ClaimStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Claims {@code eventId} for {@code instance}; false when another claim (any instance's, or an
     * earlier one of this instance's, as after a gateway replay) holds it.
     *
     * @throws StoreException when the database cannot be asked
     */
    public boolean claim(long eventId, String instance, Instant at) {
        purgeNow(at);
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setLong(1, eventId);
            ps.setString(2, instance);
            ps.setTimestamp(3, Timestamp.from(at));
            ps.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith(INTEGRITY_VIOLATION)) {
                return false;
            }
            throw new StoreException("could not claim Discord event " + eventId, e);
        }
    }

    /** Which instance claimed the event, if any (for logs and tests). */
    public Optional<String> owner(long eventId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(OWNER)) {
            ps.setLong(1, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("could not read the claim of Discord event " + eventId, e);
        }
    }

    /** Deletes claims older than {@link #KEEP} at most every few minutes, whoever calls. */
    private void purgeNow(Instant now) {
        long due = nextPurgeMillis.get();
        if (now.toEpochMilli() < due || !nextPurgeMillis.compareAndSet(due, now.plus(PURGE_EVERY).toEpochMilli())) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(PURGE)) {
            ps.setTimestamp(1, Timestamp.from(now.minus(KEEP)));
            ps.executeUpdate();
        } catch (SQLException e) {
            // A failed purge only leaves old rows for the next one; the claim itself decides.
            LOG.warn("Could not delete old Discord claims: {}", e.getMessage());
        }
    }
}
