/**
 * Diagnosis of pasted or probed output: the probe catalogue, facts, the rule tree, findings and next
 * steps. The parsers live in {@code parse}, the rules in {@code rule}.
 */
@NullMarked
package dev.pcibot.kb.diagnose;

import org.jspecify.annotations.NullMarked;
