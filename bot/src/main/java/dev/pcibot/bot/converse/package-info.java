/**
 * Guided troubleshooting in the service: {@link dev.pcibot.bot.converse.Conversations} keeps
 * conversations in the database ({@link dev.pcibot.bot.converse.ConversationStore}) and runs kb's
 * {@code Troubleshooter} on them; the HTTP API ({@link dev.pcibot.bot.converse.ConversationController})
 * is one door onto it, Discord another. Idle conversations expire and are deleted later
 * ({@link dev.pcibot.bot.converse.ConversationConfig}); a shared report is scrubbed
 * ({@link dev.pcibot.bot.converse.ReportScrubber}).
 */
@NullMarked
package dev.pcibot.bot.converse;

import org.jspecify.annotations.NullMarked;
