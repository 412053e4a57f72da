/**
 * One class per Discord command ({@code /ask}, {@code /diagnose}, "Diagnose this message",
 * {@code /pcibot}) and the buttons every reply carries (feedback, delete). Handlers stay thin:
 * acknowledge at once, run the work on {@link dev.pcibot.bot.discord.Workers}, render with
 * {@code render}. Add the next command here as a {@code @Singleton}.
 */
@NullMarked
package dev.pcibot.bot.discord.command;

import org.jspecify.annotations.NullMarked;
