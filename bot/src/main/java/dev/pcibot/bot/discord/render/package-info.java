/**
 * Turns answers and diagnoses into Discord messages that keep every Discord limit by construction:
 * ranked, trimmed with a visible marker, the full report attached as text, echoed text sanitised.
 * Plain classes over JDA's public message API, tested without Discord. Add the next renderer here.
 */
@NullMarked
package dev.pcibot.bot.discord.render;

import org.jspecify.annotations.NullMarked;
