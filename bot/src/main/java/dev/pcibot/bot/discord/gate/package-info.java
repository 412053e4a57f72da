/**
 * The one gate every Discord entry point passes (slash command, context menu, button, modal,
 * autocomplete): which servers and channels the bot serves, and a per-user rate limit; and, for a
 * probe on a node, the deny-by-default probe authorization ({@code Gate.probe}). Add a new check to
 * {@link dev.pcibot.bot.discord.gate.Gate}, never to a single handler.
 */
@NullMarked
package dev.pcibot.bot.discord.gate;

import org.jspecify.annotations.NullMarked;
