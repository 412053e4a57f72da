/**
 * One parser per kind of command output ({@code XxxParser} to {@code XxxOutput}); lenient, never
 * throwing: what a parser does not understand goes to {@code unparsed()}. Shared value types:
 * {@link dev.pcibot.kb.diagnose.parse.PciAddress} (compare addresses through it, never as text) and
 * {@link dev.pcibot.kb.diagnose.parse.VersionNumber}. Add the next parser here, its samples under
 * test resources samples/probe-id/, and its Javadoc sample to JavadocSamplesTest.
 */
@NullMarked
package dev.pcibot.kb.diagnose.parse;

import org.jspecify.annotations.NullMarked;
