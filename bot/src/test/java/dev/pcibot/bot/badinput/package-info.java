/**
 * Hostile and broken input over every door: {@link dev.pcibot.bot.badinput.BadInputs} is the one
 * table of inputs (empty, binary, invalid UTF-8, UTF-16, NUL bytes, a 1 MB line, a paste over the
 * limit, Lucene and regex syntax, unicode tricks) with what each must get back; one test class per
 * door (HTTP, web page, CLI, Discord) runs every row through that door. A new row goes into the
 * table and is then tried at every door. The web page's own security points (CSP, nosniff, no
 * markup from user text, size limits) have their tests here too.
 */
@NullMarked
package dev.pcibot.bot.badinput;

import org.jspecify.annotations.NullMarked;
