/**
 * One parser per kind of command output ({@code XxxParser} to {@code XxxOutput}); lenient, never
 * throwing. Add the next parser here and its samples under test resources samples/probe-id/.
 */
@NullMarked
package dev.pcibot.kb.diagnose.parse;

import org.jspecify.annotations.NullMarked;
