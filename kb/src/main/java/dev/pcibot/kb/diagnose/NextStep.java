package dev.pcibot.kb.diagnose;

/**
 * A probe whose output would decide what the paste could not.
 *
 * @param probe the probe's catalogue id (e.g. {@code lspci-nnk})
 * @param command the exact command to run on the Proxmox host
 * @param why what its output would decide
 */
public record NextStep(String probe, String command, String why) {}
