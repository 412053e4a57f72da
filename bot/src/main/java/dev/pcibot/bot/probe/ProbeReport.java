package dev.pcibot.bot.probe;

import dev.pcibot.kb.diagnose.Diagnosis;

/**
 * A probe that ran: what the node printed (kept in the bot: only the diagnosis and the lines it
 * quotes go to Discord), which transport carried it, and the diagnosis of that output.
 */
public record ProbeReport(ProbeOutput output, String transport, Diagnosis diagnosis) {}
