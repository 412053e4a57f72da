/**
 * Read-only probes on authorized Proxmox VE nodes (shared/design/probes.md): the transports that
 * carry one catalogue probe to a node and its output back ({@link dev.pcibot.bot.probe.ProbeTransport}:
 * the PVE REST API with a pinned TLS certificate, or SSH to the node-side forced-command wrapper with
 * a pinned host key), and what decides, limits and records each run. The output goes through the
 * same parsers and rules as a paste; nothing here builds a command line from user text.
 */
@NullMarked
package dev.pcibot.bot.probe;

import org.jspecify.annotations.NullMarked;
