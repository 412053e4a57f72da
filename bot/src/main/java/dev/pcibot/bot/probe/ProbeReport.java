package dev.pcibot.bot.probe;

import dev.pcibot.kb.diagnose.Diagnosis;

/**
 * A probe that ran: what the node printed (kept in the bot: only the diagnosis and the lines it
 * quotes go to Discord), which transport carried it, the output as the terminal would show it
 * (the text "Walk me through it" starts a conversation from) and the diagnosis of that text.
 */
public record ProbeReport(ProbeOutput output, String transport, String paste, Diagnosis diagnosis) {}
