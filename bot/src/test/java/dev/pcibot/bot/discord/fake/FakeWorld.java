package dev.pcibot.bot.discord.fake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * The one small Discord the fake simulates: the bot, two servers (one the bot serves, one it must
 * refuse), their channels and three people. JSON factories here carry every field JDA 6.5.0 hard-requires
 * (discord-fake.md §1.5), so a missing field shows up in one place.
 */
public final class FakeWorld {
    public static final long APPLICATION_ID = 1_300_000_000_000_000_001L;
    /** A bot's user id equals its application id. */
    public static final long BOT_ID = APPLICATION_ID;
    public static final String BOT_NAME = "pcibot";

    /** The server the tests configure as served ({@code discord.guilds}, {@code discord.allowed-guilds}). */
    public static final long GUILD_ID = 1_300_000_000_000_000_100L;
    public static final long CHANNEL_ID = 1_300_000_000_000_000_101L;
    public static final long OTHER_CHANNEL_ID = 1_300_000_000_000_000_102L;
    public static final long MODERATOR_ROLE_ID = 1_300_000_000_000_000_103L;
    /** A help channel where the bot may create public threads (a member overwrite grants it). */
    public static final long THREADS_CHANNEL_ID = 1_300_000_000_000_000_104L;

    /** A server the bot is in but not configured to serve: every entry point must refuse it. */
    public static final long OTHER_GUILD_ID = 1_300_000_000_000_000_200L;
    public static final long OTHER_GUILD_CHANNEL_ID = 1_300_000_000_000_000_201L;

    /**
     * A second served server for the sharding tests, on the other shard of two: Discord puts a guild
     * on shard {@code (guild_id >> 22) % num_shards}, which is 0 for {@link #GUILD_ID} (and
     * {@link #OTHER_GUILD_ID}) and 1 for this one. The fake serves it only when a test asks
     * ({@link FakeDiscord#start(java.time.Duration, List)}).
     */
    public static final long SECOND_SHARD_GUILD_ID = GUILD_ID + (1L << 22);
    public static final long SECOND_SHARD_CHANNEL_ID = SECOND_SHARD_GUILD_ID + 1;

    public static final long ASKER_ID = 1_300_000_000_000_000_300L;
    public static final long BYSTANDER_ID = 1_300_000_000_000_000_301L;
    /** Holds the moderator role (Manage Server) in the served guild. */
    public static final long MODERATOR_ID = 1_300_000_000_000_000_302L;

    // VIEW_CHANNEL, SEND_MESSAGES, EMBED_LINKS, ATTACH_FILES, READ_MESSAGE_HISTORY, ADD_REACTIONS,
    // USE_EXTERNAL_EMOJIS, USE_APPLICATION_COMMANDS, SEND_MESSAGES_IN_THREADS: what a normal text channel grants
    static final long EVERYONE_PERMISSIONS =
            (1L << 10) | (1L << 11) | (1L << 14) | (1L << 15) | (1L << 16) | (1L << 6) | (1L << 18) | (1L << 31) | (1L << 38);
    // CREATE_PUBLIC_THREADS: granted to the bot in THREADS_CHANNEL_ID only
    static final long CREATE_PUBLIC_THREADS = 1L << 35;
    // MANAGE_GUILD, MANAGE_MESSAGES
    static final long MODERATOR_PERMISSIONS = (1L << 5) | (1L << 13);

    static final String JOINED_AT = "2025-01-01T00:00:00.000000+00:00";

    private FakeWorld() {}

    public static String userName(long userId) {
        if (userId == BOT_ID) {
            return BOT_NAME;
        }
        if (userId == ASKER_ID) {
            return "asker";
        }
        if (userId == BYSTANDER_ID) {
            return "bystander";
        }
        if (userId == MODERATOR_ID) {
            return "moderator";
        }
        return "user" + userId;
    }

    public static ObjectNode user(long userId) {
        ObjectNode user = Json.object();
        user.put("id", Long.toString(userId));
        user.put("username", userName(userId));
        user.put("global_name", userName(userId));
        user.put("discriminator", "0");
        user.putNull("avatar");
        user.put("bot", userId == BOT_ID);
        user.put("public_flags", 0);
        return user;
    }

    public static List<Long> rolesOf(long userId, long guildId) {
        return userId == MODERATOR_ID && guildId == GUILD_ID ? List.of(MODERATOR_ROLE_ID) : List.of();
    }

    public static long permissionsOf(long userId, long guildId) {
        long permissions = EVERYONE_PERMISSIONS;
        if (rolesOf(userId, guildId).contains(MODERATOR_ROLE_ID)) {
            permissions |= MODERATOR_PERMISSIONS;
        }
        return permissions;
    }

    /** A guild member; {@code withPermissions} adds the computed channel permissions interactions carry. */
    public static ObjectNode member(long userId, long guildId, boolean withPermissions) {
        ObjectNode member = Json.object();
        member.set("user", user(userId));
        ArrayNode roles = member.putArray("roles");
        rolesOf(userId, guildId).forEach(role -> roles.add(Long.toString(role)));
        member.putNull("nick");
        member.putNull("avatar");
        member.put("joined_at", JOINED_AT);
        member.putNull("premium_since");
        member.put("deaf", false);
        member.put("mute", false);
        member.put("flags", 0);
        member.put("pending", false);
        if (withPermissions) {
            member.put("permissions", Long.toString(permissionsOf(userId, guildId)));
        }
        return member;
    }

    static ObjectNode role(long id, String name, int position, long permissions) {
        ObjectNode role = Json.object();
        role.put("id", Long.toString(id));
        role.put("name", name);
        role.put("color", 0);
        // JDA 6 reads colors.primary_color; older fixtures without it fail to parse (discord-fake.md §1.5)
        ObjectNode colors = role.putObject("colors");
        colors.put("primary_color", 0);
        colors.putNull("secondary_color");
        colors.putNull("tertiary_color");
        role.put("hoist", false);
        role.putNull("icon");
        role.putNull("unicode_emoji");
        role.put("position", position);
        role.put("permissions", Long.toString(permissions));
        role.put("managed", false);
        role.put("mentionable", false);
        role.put("flags", 0);
        return role;
    }

    public static ObjectNode textChannel(long id, long guildId, String name, int position) {
        ObjectNode channel = Json.object();
        channel.put("id", Long.toString(id));
        channel.put("type", 0);
        channel.put("guild_id", Long.toString(guildId));
        channel.put("name", name);
        channel.put("position", position);
        channel.putArray("permission_overwrites");
        channel.putNull("topic");
        channel.put("nsfw", false);
        channel.putNull("last_message_id");
        channel.put("rate_limit_per_user", 0);
        channel.putNull("parent_id");
        return channel;
    }

    /** {@link #THREADS_CHANNEL_ID}: a text channel whose overwrite lets the bot create public threads. */
    static ObjectNode threadsChannel() {
        ObjectNode channel = textChannel(THREADS_CHANNEL_ID, GUILD_ID, channelName(THREADS_CHANNEL_ID), 2);
        ArrayNode overwrites = channel.putArray("permission_overwrites");
        overwrites.addObject().put("id", Long.toString(BOT_ID)).put("type", 1)
                .put("allow", Long.toString(CREATE_PUBLIC_THREADS)).put("deny", "0");
        return channel;
    }

    /** A public thread (type 11) as Discord returns it on creation and puts in interactions from it. */
    static ObjectNode thread(long id, long parentId, String name) {
        ObjectNode thread = Json.object();
        thread.put("id", Long.toString(id));
        thread.put("type", 11);
        thread.put("guild_id", Long.toString(guildOf(parentId)));
        thread.put("parent_id", Long.toString(parentId));
        thread.put("name", name);
        thread.put("owner_id", Long.toString(BOT_ID));
        thread.putNull("last_message_id");
        thread.put("rate_limit_per_user", 0);
        thread.put("flags", 0);
        thread.put("member_count", 1);
        thread.put("message_count", 0);
        thread.put("total_message_sent", 0);
        ObjectNode metadata = thread.putObject("thread_metadata");
        metadata.put("archived", false);
        metadata.put("locked", false);
        metadata.put("invitable", true);
        metadata.put("auto_archive_duration", 1440);
        metadata.put("archive_timestamp", Instant.now().toString());
        metadata.put("create_timestamp", Instant.now().toString());
        return thread;
    }

    public static String channelName(long channelId) {
        if (channelId == CHANNEL_ID) {
            return "passthrough-help";
        }
        if (channelId == OTHER_CHANNEL_ID) {
            return "off-topic";
        }
        if (channelId == THREADS_CHANNEL_ID) {
            return "gpu-help";
        }
        return "general";
    }

    public static int channelPosition(long channelId) {
        return channelId == OTHER_CHANNEL_ID ? 1 : channelId == THREADS_CHANNEL_ID ? 2 : 0;
    }

    /** The id of the bot's direct-message channel with a user (any stable id distinct from guild channels). */
    public static long dmChannelOf(long userId) {
        return userId ^ 0x5A5A5AL;
    }

    public static long guildOf(long channelId) {
        if (channelId == SECOND_SHARD_CHANNEL_ID) {
            return SECOND_SHARD_GUILD_ID;
        }
        return channelId == OTHER_GUILD_CHANNEL_ID ? OTHER_GUILD_ID : GUILD_ID;
    }

    /** Discord's rule for which shard receives a guild's events: {@code (guild_id >> 22) % num_shards}. */
    public static int shardOf(long guildId, int shardTotal) {
        return (int) ((guildId >>> 22) % shardTotal);
    }

    static ObjectNode guildCreate(long guildId) {
        ObjectNode guild = Json.object();
        guild.put("id", Long.toString(guildId));
        guild.put("name", guildId == GUILD_ID ? "Proxmox Passthrough"
                : guildId == SECOND_SHARD_GUILD_ID ? "Passthrough Overflow" : "Unrelated Server");
        guild.putNull("icon");
        guild.putNull("splash");
        guild.putNull("banner");
        guild.putNull("description");
        guild.put("owner_id", Long.toString(MODERATOR_ID));
        guild.put("preferred_locale", "en-US");
        guild.putArray("features");
        // JDA rejects 0 (its default) in Guild.Timeout.fromKey and then silently drops the guild (§1.5)
        guild.put("afk_timeout", 300);
        guild.putNull("afk_channel_id");
        guild.putNull("system_channel_id");
        guild.put("verification_level", 0);
        guild.put("default_message_notifications", 0);
        guild.put("explicit_content_filter", 0);
        guild.put("mfa_level", 0);
        guild.put("nsfw_level", 0);
        guild.put("premium_tier", 0);
        guild.put("premium_subscription_count", 0);
        guild.put("premium_progress_bar_enabled", false);
        guild.put("system_channel_flags", 0);
        guild.put("max_members", 500_000);
        guild.putNull("vanity_url_code");
        guild.put("joined_at", JOINED_AT);
        guild.put("large", false);
        guild.put("unavailable", false);

        ArrayNode roles = guild.putArray("roles");
        roles.add(role(guildId, "@everyone", 0, EVERYONE_PERMISSIONS)); // @everyone's id is the guild's id
        if (guildId == GUILD_ID) {
            roles.add(role(MODERATOR_ROLE_ID, "moderators", 1, EVERYONE_PERMISSIONS | MODERATOR_PERMISSIONS));
        }
        ArrayNode channels = guild.putArray("channels");
        if (guildId == GUILD_ID) {
            channels.add(textChannel(CHANNEL_ID, guildId, channelName(CHANNEL_ID), 0));
            channels.add(textChannel(OTHER_CHANNEL_ID, guildId, channelName(OTHER_CHANNEL_ID), 1));
            channels.add(threadsChannel());
        } else if (guildId == SECOND_SHARD_GUILD_ID) {
            channels.add(textChannel(SECOND_SHARD_CHANNEL_ID, guildId, channelName(SECOND_SHARD_CHANNEL_ID), 0));
        } else {
            channels.add(textChannel(OTHER_GUILD_CHANNEL_ID, guildId, channelName(OTHER_GUILD_CHANNEL_ID), 0));
        }
        guild.putArray("threads");
        guild.putArray("guild_scheduled_events");
        guild.putArray("emojis");
        guild.putArray("stickers");
        guild.putArray("voice_states");
        guild.putArray("presences");
        guild.putArray("stage_instances");
        // the bot's own member must be present, else JDA logs "missing a SelfMember" and asks the gateway
        ArrayNode members = guild.putArray("members");
        members.add(member(BOT_ID, guildId, false));
        guild.put("member_count", 3);
        return guild;
    }

    static ObjectNode ready(String sessionId, String resumeUrl, List<Long> guildIds) {
        ObjectNode ready = Json.object();
        ready.put("v", 10);
        ready.set("user", user(BOT_ID));
        ready.put("session_id", sessionId);
        // JDA reconnects to this URL; a real READY would send reconnects to the internet (§1.2)
        ready.put("resume_gateway_url", resumeUrl);
        ArrayNode guilds = ready.putArray("guilds");
        for (long guildId : guildIds) {
            guilds.addObject().put("id", Long.toString(guildId)).put("unavailable", true);
        }
        ready.putArray("private_channels");
        ready.putArray("relationships");
        ready.putObject("application").put("id", Long.toString(APPLICATION_ID)).put("flags", 0);
        return ready;
    }

    /**
     * A message someone posted in a channel, as Discord embeds it in a context-menu interaction's
     * {@code resolved.messages} or a button interaction's {@code message}.
     */
    public static ObjectNode userMessage(long channelId, long authorId, String content, List<ObjectNode> attachments) {
        ObjectNode message = Json.object();
        message.put("id", Long.toString(Snowflakes.next()));
        message.put("type", 0);
        message.put("channel_id", Long.toString(channelId));
        message.set("author", user(authorId));
        message.put("content", content);
        message.put("timestamp", Instant.now().toString());
        message.putNull("edited_timestamp");
        message.put("tts", false);
        message.put("mention_everyone", false);
        message.putArray("mentions");
        message.putArray("mention_roles");
        message.putArray("attachments").addAll(attachments);
        message.putArray("embeds");
        message.putArray("components");
        message.put("pinned", false);
        message.put("flags", 0);
        return message;
    }
}
