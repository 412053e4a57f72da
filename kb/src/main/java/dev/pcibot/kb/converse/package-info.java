/**
 * Guided troubleshooting: a conversation that walks the rule tree with the user, one question at a
 * time, in the official guide's order. {@link dev.pcibot.kb.converse.Troubleshooter} is the entry
 * point: it takes a {@link dev.pcibot.kb.converse.Conversation} (what the user said so far, as a list
 * of {@link dev.pcibot.kb.converse.Answer}s) and returns the {@link dev.pcibot.kb.converse.Step} to
 * show. It keeps no state of its own: the same answers always give the same step, so a conversation
 * can be stored anywhere (the bot keeps it in its database) and continued by any instance.
 *
 * <p>The walk is the one-shot diagnosis re-run on everything pasted so far: a finding can appear or
 * disappear as evidence comes in. Questions that are not commands (the symptom, the boot loader) are
 * {@link dev.pcibot.kb.converse.Choice}s. A new choice goes into {@code Choice}; a new check into
 * the diagnosis ({@code kb.diagnose.Stage}), never here.
 */
@NullMarked
package dev.pcibot.kb.converse;

import org.jspecify.annotations.NullMarked;
