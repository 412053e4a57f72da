package dev.pcibot.bot.discord.gate;

import org.jspecify.annotations.Nullable;

/**
 * Who asks, where, through which door.
 *
 * @param guildId null in direct messages
 */
public record GateRequest(EntryPoint entry, @Nullable Long guildId, long channelId, long userId) {}
