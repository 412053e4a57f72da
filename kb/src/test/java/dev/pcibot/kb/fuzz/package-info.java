/**
 * Jazzer fuzz targets for everything in kb that reads user text: the paste intake ({@code
 * PasteIntakeFuzzTest}), every parser ({@code ParsersFuzzTest}, one target dispatching on the
 * first byte), the whole diagnosis of a multi-part paste ({@code DiagnosisFuzzTest}) and the
 * search query path over a real index ({@code SearchFuzzTest}); {@code FuzzContract} holds what
 * they all assert. A plain test run replays the seeds in test resources
 * {@code dev/pcibot/kb/fuzz/<Class>Inputs/<method>/}; {@code JAZZER_FUZZ=1} fuzzes
 * (bench/fuzz/run.sh). {@code RegexGrowthBench} is the regex linearity bench
 * (bench/fuzz/regex-growth.sh). Add the next target here, with its seeds and a line in run.sh.
 */
@NullMarked
package dev.pcibot.kb.fuzz;

import org.jspecify.annotations.NullMarked;
