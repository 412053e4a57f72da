package dev.pcibot.bot.store;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/** Saves posted replies and finds them again when one of their buttons is clicked. */
@Singleton
public class ReplyStore {
    private static final String INSERT =
            "INSERT INTO bot_reply (kind, guild_id, channel_id, user_id, query, page_items, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String SELECT =
            "SELECT id, kind, guild_id, channel_id, user_id, query, page_items, created_at"
                    + " FROM bot_reply WHERE id = ?";

    private final DataSource dataSource;

    public ReplyStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Saves a reply and returns it with its new id. */
    public StoredReply save(
            ReplyKind kind,
            @Nullable Long guildId,
            long channelId,
            long userId,
            @Nullable String query,
            List<List<String>> pages,
            Instant at) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, kind.name());
            Jdbc.setNullableLong(ps, 2, guildId);
            ps.setLong(3, channelId);
            ps.setLong(4, userId);
            if (query == null) {
                ps.setNull(5, Types.VARCHAR);
            } else {
                ps.setString(5, query);
            }
            ps.setString(6, encode(pages));
            ps.setTimestamp(7, Timestamp.from(at));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return new StoredReply(keys.getLong(1), kind, guildId, channelId, userId, query, pages, at);
            }
        } catch (SQLException e) {
            throw new StoreException("could not save the reply", e);
        }
    }

    public Optional<StoredReply> find(long id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(SELECT)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredReply(
                        rs.getLong("id"),
                        ReplyKind.valueOf(rs.getString("kind")),
                        Jdbc.nullableLong(rs, "guild_id"),
                        rs.getLong("channel_id"),
                        rs.getLong("user_id"),
                        rs.getString("query"),
                        decode(rs.getString("page_items")),
                        rs.getTimestamp("created_at").toInstant()));
            }
        } catch (SQLException e) {
            throw new StoreException("could not read reply " + id, e);
        }
    }

    /**
     * Keeps the text a diagnosis reply was made from, so its "Walk me through it" button can start a
     * conversation from the same facts (V5__reply_seed.sql). Pasted text is kept only for this, and
     * only until {@link #deleteSeedsBefore}.
     */
    public void saveSeed(long replyId, String text, Instant at) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO reply_seed (reply_id, text_gz, created_at) VALUES (?, ?, ?)")) {
            ps.setLong(1, replyId);
            ps.setBytes(2, gzip(text));
            ps.setTimestamp(3, Timestamp.from(at));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("could not keep the diagnosed text of reply " + replyId, e);
        }
    }

    /** The text reply {@code replyId} diagnosed, or empty (an answer, or deleted since). */
    public Optional<String> seed(long replyId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT text_gz FROM reply_seed WHERE reply_id = ?")) {
            ps.setLong(1, replyId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(gunzip(rs.getBytes(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("could not read the diagnosed text of reply " + replyId, e);
        }
    }

    /** Deletes the kept texts older than {@code cutoff}; returns how many. */
    public int deleteSeedsBefore(Instant cutoff) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("DELETE FROM reply_seed WHERE created_at < ?")) {
            ps.setTimestamp(1, Timestamp.from(cutoff));
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("could not delete old diagnosed texts", e);
        }
    }

    static byte[] gzip(String text) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out)) {
            gz.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // in memory: does not happen
        }
        return out.toByteArray();
    }

    static String gunzip(byte[] bytes) {
        try (java.util.zip.GZIPInputStream gz = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
            return new String(gz.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new StoreException("a kept text is not readable gzip", e);
        }
    }

    // Ids are catalogue ids and section ids: neither contains a comma or a line break.
    static String encode(List<List<String>> pages) {
        StringBuilder out = new StringBuilder();
        for (List<String> page : pages) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(String.join(",", page));
        }
        return out.toString();
    }

    static List<List<String>> decode(String text) {
        List<List<String>> pages = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            pages.add(line.isEmpty() ? List.of() : Arrays.asList(line.split(",")));
        }
        return pages;
    }
}
