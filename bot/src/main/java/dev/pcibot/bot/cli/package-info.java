/**
 * The command line: the same jobs as the HTTP API (search, diagnose, build the index) from a
 * terminal, without starting the server. {@link dev.pcibot.bot.cli.Cli} checks and runs each verb; the
 * renderers print readable text or JSON. picocli parses ({@code Verbs}); add the next verb there
 * as a nested class and its method in {@code Cli}.
 */
@NullMarked
package dev.pcibot.bot.cli;

import org.jspecify.annotations.NullMarked;
