/**
 * The Discord bot (JDA 6): configuration, the JDA factory (only with a token), the command
 * registry, the interaction router and {@link dev.pcibot.bot.discord.ComponentId}. Commands live
 * in {@code command}, rendering in {@code render}, the gate every interaction passes in
 * {@code gate}, reading attachments and pasted messages in {@code intake}.
 */
@NullMarked
package dev.pcibot.bot.discord;

import org.jspecify.annotations.NullMarked;
