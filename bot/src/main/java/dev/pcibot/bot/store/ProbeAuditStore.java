package dev.pcibot.bot.store;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The probe audit trail: append and read, nothing else (no update, no delete: the trail is what
 * happened). Text fields are cut to their column's size rather than refused, so a long argument
 * or user name is still recorded.
 */
@Singleton
public class ProbeAuditStore {
    private static final String INSERT = "INSERT INTO probe_audit (asked_at, request_id, guild_id, channel_id, user_id,"
            + " user_tag, roles, entry, probe, node, argument, transport, decision, rule_name, duration_ms, exit_status,"
            + " failure, output_bytes, truncated, output_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String RECENT = "SELECT * FROM probe_audit WHERE guild_id = ? ORDER BY asked_at DESC, id DESC LIMIT ?";

    private final DataSource dataSource;

    public ProbeAuditStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void append(ProbeAuditEntry e) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setTimestamp(1, Timestamp.from(e.at()));
            ps.setString(2, e.requestId().toString());
            Jdbc.setNullableLong(ps, 3, e.guildId());
            ps.setLong(4, e.channelId());
            ps.setLong(5, e.userId());
            ps.setString(6, cut(e.userTag(), 100));
            ps.setString(7, cut(e.roles(), 2000));
            ps.setString(8, cut(e.entry(), 16));
            ps.setString(9, cut(e.probe(), 32));
            ps.setString(10, cut(e.node(), 64));
            ps.setString(11, e.argument() == null ? null : cut(e.argument(), 64));
            ps.setString(12, e.transport());
            ps.setString(13, e.decision());
            ps.setString(14, cut(e.rule(), 80));
            ps.setLong(15, e.durationMs());
            if (e.exitStatus() == null) {
                ps.setNull(16, Types.INTEGER);
            } else {
                ps.setInt(16, e.exitStatus());
            }
            ps.setString(17, e.failure());
            ps.setLong(18, e.outputBytes());
            ps.setBoolean(19, e.truncated());
            ps.setString(20, e.outputSha256());
            ps.executeUpdate();
        } catch (SQLException ex) {
            throw new StoreException("could not append to the probe audit", ex);
        }
    }

    /** The newest rows of one server, newest first. */
    public List<ProbeAuditEntry> recent(long guildId, int limit) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(RECENT)) {
            ps.setLong(1, guildId);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                List<ProbeAuditEntry> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(row(rs));
                }
                return out;
            }
        } catch (SQLException ex) {
            throw new StoreException("could not read the probe audit", ex);
        }
    }

    private static ProbeAuditEntry row(ResultSet rs) throws SQLException {
        int exit = rs.getInt("exit_status");
        @Nullable Integer exitStatus = rs.wasNull() ? null : exit;
        return new ProbeAuditEntry(
                rs.getTimestamp("asked_at").toInstant(),
                UUID.fromString(rs.getString("request_id")),
                Jdbc.nullableLong(rs, "guild_id"),
                rs.getLong("channel_id"),
                rs.getLong("user_id"),
                rs.getString("user_tag"),
                rs.getString("roles"),
                rs.getString("entry"),
                rs.getString("probe"),
                rs.getString("node"),
                rs.getString("argument"),
                rs.getString("transport"),
                rs.getString("decision"),
                rs.getString("rule_name"),
                rs.getLong("duration_ms"),
                exitStatus,
                rs.getString("failure"),
                rs.getLong("output_bytes"),
                rs.getBoolean("truncated"),
                rs.getString("output_sha256"));
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
