package dev.pcibot.bot.probe;

import dev.pcibot.kb.diagnose.Probe;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * One probe to run on one node: the catalogue probe, its argument (a PCI address or a VM id,
 * already validated against the probe's argument type; null when the probe takes none), how long
 * the whole run may take and how many bytes of output are kept.
 */
public record ProbeCall(String node, Probe probe, @Nullable String argument, Duration timeout, int maxBytes) {}
