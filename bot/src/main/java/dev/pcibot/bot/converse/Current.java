package dev.pcibot.bot.converse;

import dev.pcibot.kb.converse.Step;

/**
 * A conversation and the step it is at now.
 *
 * @param stored the conversation as stored
 * @param step what to show
 * @param expired whether it has been idle past the idle timeout (it then takes only a resume)
 */
public record Current(StoredConversation stored, Step step, boolean expired) {}
