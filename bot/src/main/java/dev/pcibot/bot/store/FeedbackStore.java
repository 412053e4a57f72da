package dev.pcibot.bot.store;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Records helpful / not-helpful votes, one per user and shown item, and counts them. */
@Singleton
public class FeedbackStore {
    // Standard MERGE: H2 and PostgreSQL 15+ both run it, unlike ON CONFLICT ... DO UPDATE (not in H2).
    private static final String UPSERT =
            "MERGE INTO feedback f"
                    + " USING (VALUES (CAST(? AS BIGINT), CAST(? AS VARCHAR(200)), CAST(? AS BIGINT)))"
                    + " AS v (reply_id, item_id, user_id)"
                    + " ON f.reply_id = v.reply_id AND f.item_id = v.item_id AND f.user_id = v.user_id"
                    + " WHEN MATCHED THEN UPDATE SET helpful = ?, voted_at = ?"
                    + " WHEN NOT MATCHED THEN INSERT"
                    + " (reply_id, item_id, guild_id, channel_id, user_id, helpful, voted_at)"
                    + " VALUES (v.reply_id, v.item_id, ?, ?, v.user_id, ?, ?)";
    private static final String TALLY =
            "SELECT item_id, SUM(CASE WHEN helpful THEN 1 ELSE 0 END) AS up,"
                    + " SUM(CASE WHEN helpful THEN 0 ELSE 1 END) AS down"
                    + " FROM feedback WHERE item_id = ? GROUP BY item_id";
    private static final String TALLIES =
            "SELECT item_id, SUM(CASE WHEN helpful THEN 1 ELSE 0 END) AS up,"
                    + " SUM(CASE WHEN helpful THEN 0 ELSE 1 END) AS down"
                    + " FROM feedback GROUP BY item_id ORDER BY item_id";
    private static final String GUILD_TALLIES =
            "SELECT item_id, SUM(CASE WHEN helpful THEN 1 ELSE 0 END) AS up,"
                    + " SUM(CASE WHEN helpful THEN 0 ELSE 1 END) AS down"
                    + " FROM feedback WHERE guild_id = ? GROUP BY item_id ORDER BY item_id";
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;

    public FeedbackStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores the vote, replacing an earlier one by the same user on the same reply item. */
    public void vote(Vote vote) {
        try {
            upsert(vote);
        } catch (SQLException e) {
            // Two first clicks at once can both take the INSERT branch; the loser now finds the row.
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new StoreException("could not store the vote on " + vote.itemId(), e);
            }
            try {
                upsert(vote);
            } catch (SQLException again) {
                throw new StoreException("could not store the vote on " + vote.itemId(), again);
            }
        }
    }

    private void upsert(Vote vote) throws SQLException {
        Timestamp at = Timestamp.from(vote.at());
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(UPSERT)) {
            ps.setLong(1, vote.replyId());
            ps.setString(2, vote.itemId());
            ps.setLong(3, vote.userId());
            ps.setBoolean(4, vote.helpful());
            ps.setTimestamp(5, at);
            Jdbc.setNullableLong(ps, 6, vote.guildId());
            ps.setLong(7, vote.channelId());
            ps.setBoolean(8, vote.helpful());
            ps.setTimestamp(9, at);
            ps.executeUpdate();
        }
    }

    /** Votes on one finding or section (zero counts when nobody voted). */
    public Tally tally(String itemId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(TALLY)) {
            ps.setString(1, itemId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Tally(itemId, rs.getInt("up"), rs.getInt("down")) : new Tally(itemId, 0, 0);
            }
        } catch (SQLException e) {
            throw new StoreException("could not count votes on " + itemId, e);
        }
    }

    /**
     * Votes cast in one server, by item id: what a server's admins see (another server's votes are
     * that server's business).
     */
    public List<Tally> tallies(long guildId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(GUILD_TALLIES)) {
            ps.setLong(1, guildId);
            try (ResultSet rs = ps.executeQuery()) {
                List<Tally> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new Tally(rs.getString("item_id"), rs.getInt("up"), rs.getInt("down")));
                }
                return out;
            }
        } catch (SQLException e) {
            throw new StoreException("could not count votes", e);
        }
    }

    /** Votes on every item that has any, by item id, over all servers (the operators' view). */
    public List<Tally> tallies() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(TALLIES);
                ResultSet rs = ps.executeQuery()) {
            List<Tally> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new Tally(rs.getString("item_id"), rs.getInt("up"), rs.getInt("down")));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("could not count votes", e);
        }
    }
}
