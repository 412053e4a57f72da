/**
 * Faults the service must survive, each run for real: a {@code kill -9} of the service or the CLI
 * during an index build or a user-guide swap, a damaged or read-only index folder, a full disk
 * (a small tmpfs, as root), two instances on one data folder, the database unreachable at start
 * and going away mid-request, Discord's gateway dropping. Each test names the fault in its class
 * name and asserts what the user sees, what the log says and that nothing stored was lost.
 * {@code IndexFolder} watches an index root for the moments a test kills at; a new fault gets a
 * class of its own here.
 */
@NullMarked
package dev.pcibot.bot.faults;

import org.jspecify.annotations.NullMarked;
