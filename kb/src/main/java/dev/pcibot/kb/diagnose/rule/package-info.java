/**
 * Rules that reason across facts, one class per rule, registered in {@code Rules}; single-message
 * findings are rows of the pattern table in content/ instead.
 */
@NullMarked
package dev.pcibot.kb.diagnose.rule;

import org.jspecify.annotations.NullMarked;
