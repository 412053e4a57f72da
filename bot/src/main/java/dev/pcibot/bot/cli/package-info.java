/**
 * The command line: the same jobs as the HTTP API (search, diagnose, build the index) from a
 * terminal, without starting the server. {@link dev.pcibot.bot.cli.Cli} parses and dispatches; the
 * renderers print readable text or JSON. Add the next verb to {@code Cli.VERBS} and its method there.
 */
@NullMarked
package dev.pcibot.bot.cli;

import org.jspecify.annotations.NullMarked;
