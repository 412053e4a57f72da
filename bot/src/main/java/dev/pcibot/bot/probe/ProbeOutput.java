package dev.pcibot.bot.probe;

import java.time.Duration;

/**
 * What a node answered: the output text (at most the call's byte cap, cut on a line boundary),
 * how many bytes the node produced before the cut, whether it was cut, the exit status (the
 * command's, or for the API transport 0 for HTTP 200) and how long the run took.
 */
public record ProbeOutput(String text, long bytes, boolean truncated, int exitStatus, Duration took) {}
