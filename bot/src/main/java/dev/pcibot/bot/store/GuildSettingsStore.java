package dev.pcibot.bot.store;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Per-server settings chosen by the server's admins: the channels where replies are public.
 * Reads are cached per guild because every interaction asks before it acknowledges (3-second
 * rule); writes go through this class, which drops the guild's cache entry.
 */
@Singleton
public class GuildSettingsStore {
    private static final String INSERT =
            "INSERT INTO guild_public_channel (guild_id, channel_id, added_by, added_at) VALUES (?, ?, ?, ?)";
    private static final String EXISTS =
            "SELECT 1 FROM guild_public_channel WHERE guild_id = ? AND channel_id = ?";
    private static final String DELETE = "DELETE FROM guild_public_channel WHERE guild_id = ? AND channel_id = ?";
    private static final String LIST = "SELECT channel_id FROM guild_public_channel WHERE guild_id = ?";

    private final DataSource dataSource;
    private final Map<Long, Set<Long>> publicChannels = new ConcurrentHashMap<>();

    public GuildSettingsStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Makes replies public in a channel; false when it already was. */
    public boolean addPublicChannel(long guildId, long channelId, long addedBy, Instant at) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement exists = c.prepareStatement(EXISTS)) {
                exists.setLong(1, guildId);
                exists.setLong(2, channelId);
                try (ResultSet rs = exists.executeQuery()) {
                    if (rs.next()) {
                        return false;
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                ps.setLong(1, guildId);
                ps.setLong(2, channelId);
                ps.setLong(3, addedBy);
                ps.setTimestamp(4, Timestamp.from(at));
                ps.executeUpdate();
                return true;
            }
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                return false; // added by a concurrent click
            }
            throw new StoreException("could not add public channel " + channelId, e);
        } finally {
            publicChannels.remove(guildId);
        }
    }

    /** Makes replies in a channel ephemeral again; false when it was not public. */
    public boolean removePublicChannel(long guildId, long channelId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(DELETE)) {
            ps.setLong(1, guildId);
            ps.setLong(2, channelId);
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new StoreException("could not remove public channel " + channelId, e);
        } finally {
            publicChannels.remove(guildId);
        }
    }

    /** The guild's public channels, sorted by id. */
    public Set<Long> publicChannels(long guildId) {
        return publicChannels.computeIfAbsent(guildId, this::load);
    }

    public boolean isPublic(long guildId, long channelId) {
        return publicChannels(guildId).contains(channelId);
    }

    private Set<Long> load(long guildId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(LIST)) {
            ps.setLong(1, guildId);
            Set<Long> out = new TreeSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return Collections.unmodifiableSet(out);
        } catch (SQLException e) {
            throw new StoreException("could not read the public channels of guild " + guildId, e);
        }
    }
}
