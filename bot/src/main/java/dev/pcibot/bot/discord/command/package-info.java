/**
 * One class per Discord command ({@code /ask}, {@code /diagnose}, "Diagnose this message",
 * {@code /troubleshoot}, {@code /probe}, {@code /pcibot} with its {@code audit} view) and the buttons
 * every reply carries (feedback, delete, and after a probe "Show raw output"). A probe goes through
 * {@code probe.ProbeRunner} only, whether from {@code /probe} or a step's "Run it on". Handlers stay thin:
 * acknowledge at once, run the work on {@link dev.pcibot.bot.discord.Workers}, render with
 * {@code render}. Add the next command here as a {@code @Singleton}.
 */
@NullMarked
package dev.pcibot.bot.discord.command;

import org.jspecify.annotations.NullMarked;
