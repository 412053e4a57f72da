/**
 * A fake Discord on 127.0.0.1 that the real JDA runs against in tests: REST on mockwebserver3, a
 * JSON gateway over a local WebSocket, interaction payload builders, Discord's limits and deadlines
 * enforced as recorded violations, and a log appender that fails tests on JDA errors. Beyond
 * discord-fake.md it serves public threads ({@code POST channels/{id}/threads}, only where
 * {@code FakeWorld}'s overwrite lets the bot, and interactions from them), modal submits with file
 * uploads (type 19 inside a Label, files in {@code resolved.attachments}), and checks Components V2
 * messages (no content or embeds, 40 components, 4,000 characters of text). Several gateway
 * sessions at once, sharded as Discord does: IDENTIFY's {@code [shard_id, num_shards]} picks the
 * guilds a session gets ({@code (guild_id >> 22) % num_shards}), an interaction goes to every
 * session on its guild's shard (two processes on one token and shard both receive it), direct
 * messages to shard 0; {@code FakeDiscord#awaitSessions} waits for them.
 *
 * <p>Start with {@link dev.pcibot.bot.discord.fake.FakeDiscord}; the background is
 * shared/design/discord-fake.md. A new REST route goes into {@code FakeRest}, a new limit into
 * {@code DiscordLimits}, a new interaction kind into {@code InteractionPayloads}.
 */
@NullMarked
package dev.pcibot.bot.discord.fake;

import org.jspecify.annotations.NullMarked;
