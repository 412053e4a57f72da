/**
 * Read-only probes on authorized Proxmox VE nodes (shared/design/probes.md): the transports that
 * carry one catalogue probe to a node and its output back ({@link dev.pcibot.bot.probe.ProbeTransport}:
 * the PVE REST API with a pinned TLS certificate, {@link dev.pcibot.bot.probe.PveApiTransport}, or SSH
 * to the node-side forced-command wrapper with a pinned host key, plugged in through {@link
 * dev.pcibot.bot.probe.ProbeTransports}), and what decides, limits and records each run. The output
 * goes through the same parsers and rules as a paste; nothing here builds a command line from user
 * text.
 *
 * <ul>
 *   <li>Configuration: {@link dev.pcibot.bot.probe.ProbeNodeConfig} ({@code pcibot.probes.nodes.*}),
 *       {@code pcibot.probes.guilds.*} and {@link dev.pcibot.bot.probe.ProbeLimitsConfig}, checked at
 *       start by {@link dev.pcibot.bot.probe.ProbeSettingsReader} into {@link
 *       dev.pcibot.bot.probe.ProbeSettings}; no node = probes off.
 *   <li>Decision: {@link dev.pcibot.bot.probe.ProbeAuthorizer} (deny by default, reached through the
 *       Discord {@code Gate}), {@link dev.pcibot.bot.probe.ProbeLimiter}, argument kinds {@link
 *       dev.pcibot.bot.probe.ArgumentKind} over the runnable subset {@link dev.pcibot.bot.probe.RemoteProbes}.
 *   <li>The one path: {@link dev.pcibot.bot.probe.ProbeRunner} (check, decide, limit, run, audit, diagnose).
 *   <li>Raw output on request: {@link dev.pcibot.bot.probe.RawOutputs} (redacted, in memory, 15 minutes).
 * </ul>
 *
 * Add the next transport as a class implementing {@code ProbeTransport} with a constructor taking a
 * {@link dev.pcibot.bot.probe.ProbeNode}, registered in {@link dev.pcibot.bot.probe.ProbeTransports}.
 */
@NullMarked
package dev.pcibot.bot.probe;

import org.jspecify.annotations.NullMarked;
