/**
 * The knowledge base search: Lucene analyzers ({@link dev.pcibot.kb.search.KbAnalyzers}), the index
 * of guide sections on disk ({@link dev.pcibot.kb.search.KbIndex}), ranking, near-duplicate
 * collapse, snippets, corrections of known community errors and the "no good answer" decision
 * ({@link dev.pcibot.kb.search.KbSearcher}). Lucene only; no Micronaut, no JDA. Search data
 * (synonyms, noise words, corrections, narrow topics) lives in content/search/; a new ranking signal goes into
 * {@code SectionSearch}.
 */
@NullMarked
package dev.pcibot.kb.search;

import org.jspecify.annotations.NullMarked;
