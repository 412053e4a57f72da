/**
 * Jazzer fuzz targets for the bot's own readers of user input: the Discord attachment download
 * ({@code AttachmentFuzzTest#download}, against a real HTTP server on the loopback address) and
 * the pasted message text ({@code AttachmentFuzzTest#pastedText}). Seeds are replayed in every
 * test run from test resources {@code dev/pcibot/bot/fuzz/<Class>Inputs/<method>/}; {@code
 * JAZZER_FUZZ=1} fuzzes (bench/fuzz/run.sh). The kb targets are in {@code dev.pcibot.kb.fuzz}.
 */
@NullMarked
package dev.pcibot.bot.fuzz;

import org.jspecify.annotations.NullMarked;
