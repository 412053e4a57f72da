package dev.pcibot.bot.converse;

import dev.pcibot.bot.store.StoreException;
import dev.pcibot.kb.converse.Answer;
import dev.pcibot.kb.converse.Choice;
import dev.pcibot.kb.converse.Conversation;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Conversations and their answers in the database (V3__conversations.sql). Every write that
 * advances a conversation names the answer's place, so a second write for the same step fails on
 * the primary key whichever instance it reaches: the caller reports it as stale.
 */
@Singleton
public class ConversationStore {
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;

    public ConversationStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores a new conversation with the answers it starts with (a paste it was started from). */
    public void create(StoredConversation s) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO conversation (id, owner, guild_id, channel_id,"
                    + " thread_id, start_device, start_vmid, start_symptom, stopped, created_at, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?)")) {
                ps.setString(1, s.id());
                ps.setString(2, s.owner());
                setLong(ps, 3, s.guildId());
                setLong(ps, 4, s.channelId());
                setLong(ps, 5, s.threadId());
                Conversation.Start start = s.conversation().start();
                ps.setString(6, start.device());
                ps.setString(7, start.vmid());
                ps.setString(8, start.symptom());
                ps.setTimestamp(9, Timestamp.from(s.createdAt()));
                ps.setTimestamp(10, Timestamp.from(s.updatedAt()));
                ps.executeUpdate();
            }
            List<Answer> answers = s.conversation().answers();
            for (int i = 0; i < answers.size(); i++) {
                insertAnswer(c, s.id(), i, answers.get(i), s.createdAt());
            }
            c.commit();
        } catch (SQLException e) {
            throw new StoreException("could not store the new conversation", e);
        }
    }

    /** The conversation with all its answers, or empty when there is none (or it was deleted). */
    public Optional<StoredConversation> find(String id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT * FROM conversation WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(c, rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("could not read the conversation", e);
        }
    }

    /** The newest conversation this owner has open in this channel (one active per user per channel). */
    public Optional<StoredConversation> findOpen(String owner, long channelId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT * FROM conversation WHERE owner = ? AND channel_id = ?"
                        + " AND stopped = FALSE ORDER BY updated_at DESC")) {
            ps.setString(1, owner);
            ps.setLong(2, channelId);
            ps.setMaxRows(1);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(c, rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("could not read the conversation", e);
        }
    }

    /** Adds the answer at place {@code seq}; false when that place is taken (the step was answered). */
    public boolean append(String id, int seq, Answer answer, Instant now) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                insertAnswer(c, id, seq, answer, now);
                touch(c, id, now);
                c.commit();
                return true;
            } catch (SQLException e) {
                c.rollback();
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    return false;
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("could not store the answer", e);
        }
    }

    /** Removes the answer at place {@code seq} if it is the last one ("Back"); false when it is not. */
    public boolean removeLast(String id, int seq, Instant now) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            int removed;
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM conversation_answer WHERE conversation_id = ?"
                    + " AND seq = ? AND NOT EXISTS (SELECT 1 FROM conversation_answer later"
                    + " WHERE later.conversation_id = ? AND later.seq > ?)")) {
                ps.setString(1, id);
                ps.setInt(2, seq);
                ps.setString(3, id);
                ps.setInt(4, seq);
                removed = ps.executeUpdate();
            }
            touch(c, id, now);
            c.commit();
            return removed == 1;
        } catch (SQLException e) {
            throw new StoreException("could not take the answer back", e);
        }
    }

    /** Drops every answer ("Start over"), keeping how the conversation was started. */
    public void clearAnswers(String id, Instant now) {
        update(id, now, "DELETE FROM conversation_answer WHERE conversation_id = ?");
    }

    public void stop(String id, Instant now) {
        update(id, now, "UPDATE conversation SET stopped = TRUE WHERE id = ?");
    }

    /** Marks it active now (a resume after it expired). */
    public void resume(String id, Instant now) {
        update(id, now, "UPDATE conversation SET stopped = FALSE WHERE id = ?");
    }

    public void setThread(String id, long threadId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE conversation SET thread_id = ? WHERE id = ?")) {
            ps.setLong(1, threadId);
            ps.setString(2, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("could not store the conversation's thread", e);
        }
    }

    /** Gives the conversation a share id (kept if it has one) valid until {@code until}. */
    public String share(String id, String newShareId, Instant until) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE conversation SET share_id = COALESCE(share_id, ?),"
                        + " share_until = ? WHERE id = ?")) {
            ps.setString(1, newShareId);
            ps.setTimestamp(2, Timestamp.from(until));
            ps.setString(3, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("could not share the conversation", e);
        }
        return find(id).map(StoredConversation::shareId).orElse(newShareId);
    }

    public Optional<StoredConversation> findShared(String shareId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT * FROM conversation WHERE share_id = ?")) {
            ps.setString(1, shareId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(c, rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("could not read the shared report", e);
        }
    }

    public boolean delete(String id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("DELETE FROM conversation WHERE id = ?")) {
            ps.setString(1, id);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException("could not delete the conversation", e);
        }
    }

    /** Deletes conversations with no answer since {@code cutoff}; returns how many. */
    public int deleteIdleSince(Instant cutoff) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("DELETE FROM conversation WHERE updated_at < ?")) {
            ps.setTimestamp(1, Timestamp.from(cutoff));
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("could not delete idle conversations", e);
        }
    }

    private void update(String id, Instant now, String sql) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, id);
                ps.executeUpdate();
            }
            touch(c, id, now);
            c.commit();
        } catch (SQLException e) {
            throw new StoreException("could not update the conversation", e);
        }
    }

    private static void touch(Connection c, String id, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE conversation SET updated_at = ? WHERE id = ?")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setString(2, id);
            ps.executeUpdate();
        }
    }

    private static void insertAnswer(Connection c, String id, int seq, Answer answer, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO conversation_answer (conversation_id, seq, kind,"
                + " probe, choice, choice_value, after_fix, text, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, id);
            ps.setInt(2, seq);
            String probe = null;
            String choice = null;
            String value = null;
            String text = null;
            boolean afterFix = false;
            String kind;
            switch (answer) {
                case Answer.Pasted p -> {
                    kind = "pasted";
                    probe = p.probe();
                    text = p.text();
                    afterFix = p.afterFix();
                }
                case Answer.Chose ch -> {
                    kind = "chose";
                    choice = ch.choice().id();
                    value = ch.value();
                }
                case Answer.CannotRun cr -> {
                    kind = "cannot";
                    probe = cr.probe();
                }
            }
            ps.setString(3, kind);
            ps.setString(4, probe);
            ps.setString(5, choice);
            ps.setString(6, value);
            ps.setBoolean(7, afterFix);
            ps.setString(8, text);
            ps.setTimestamp(9, Timestamp.from(now));
            ps.executeUpdate();
        }
    }

    private static StoredConversation read(Connection c, ResultSet rs) throws SQLException {
        String id = rs.getString("id");
        Conversation.Start start = new Conversation.Start(
                rs.getString("start_device"), rs.getString("start_vmid"), rs.getString("start_symptom"));
        Timestamp shareUntil = rs.getTimestamp("share_until");
        return new StoredConversation(id, rs.getString("owner"), getLong(rs, "guild_id"), getLong(rs, "channel_id"),
                getLong(rs, "thread_id"), new Conversation(start, answers(c, id)), rs.getBoolean("stopped"),
                rs.getString("share_id"), shareUntil == null ? null : shareUntil.toInstant(),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    private static List<Answer> answers(Connection c, String id) throws SQLException {
        List<Answer> answers = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT * FROM conversation_answer WHERE conversation_id = ? ORDER BY seq")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    answers.add(switch (rs.getString("kind")) {
                        case "pasted" -> new Answer.Pasted(nonNull(rs.getString("probe")), nonNull(rs.getString("text")),
                                rs.getBoolean("after_fix"));
                        case "chose" -> new Answer.Chose(Choice.byId(nonNull(rs.getString("choice"))).orElseThrow(),
                                nonNull(rs.getString("choice_value")));
                        default -> new Answer.CannotRun(nonNull(rs.getString("probe")));
                    });
                }
            }
        }
        return answers;
    }

    private static String nonNull(@Nullable String s) {
        return s == null ? "" : s;
    }

    private static void setLong(PreparedStatement ps, int index, @Nullable Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    private static @Nullable Long getLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
