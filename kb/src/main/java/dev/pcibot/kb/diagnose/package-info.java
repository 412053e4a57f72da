/**
 * Diagnosis of pasted or probed output. {@link dev.pcibot.kb.diagnose.Diagnoser} is the entry
 * point: {@link dev.pcibot.kb.diagnose.PasteReader} streams the input, {@link
 * dev.pcibot.kb.diagnose.PasteSplitter} cuts it into parts and names each with a {@link
 * dev.pcibot.kb.diagnose.Probe} (the closed probe catalogue), the message table
 * (content/diagnose/patterns.tsv) runs over every line the literal prefilter lets through, each
 * part's parser (package {@code parse}) reads it into {@link dev.pcibot.kb.diagnose.Facts}, the rules
 * (package {@code rule}) reason across facts, and the findings come back worst first with their
 * text (content/findings) and citations, the next step by the rule tree's {@link
 * dev.pcibot.kb.diagnose.Stage}s, and the joined {@link dev.pcibot.kb.diagnose.DeviceView}s. A new
 * probe goes into {@code Probe}, {@code LineSignatures} and {@code PromptCommands}; a new message
 * into the pattern table; a new cross-check into {@code rule}.
 */
@NullMarked
package dev.pcibot.kb.diagnose;

import org.jspecify.annotations.NullMarked;
