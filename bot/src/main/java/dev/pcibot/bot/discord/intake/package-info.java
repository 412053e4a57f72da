/**
 * Reading what users hand the bot: text attachments (type, size and binary checks, download with
 * a timeout) and pasted messages (code blocks and text). Add the next source of input here.
 */
@NullMarked
package dev.pcibot.bot.discord.intake;

import org.jspecify.annotations.NullMarked;
