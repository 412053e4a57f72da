/**
 * The knowledge base search: Lucene analyzers ({@link dev.pcibot.kb.search.KbAnalyzers}), the index
 * of guide sections on disk with their embeddings ({@link dev.pcibot.kb.search.KbIndex}), hybrid
 * ranking (BM25 in {@code LexicalRanking}, embeddings in {@code DenseRanking} through an in-process
 * {@link dev.pcibot.kb.search.Embedder}, fused in {@code SectionSearch}), near-duplicate collapse,
 * snippets, corrections of known community errors and the calibrated match level
 * ({@link dev.pcibot.kb.search.MatchLevel}, {@code MatchCalibration}, settings in
 * {@link dev.pcibot.kb.search.HybridTuning}). Lucene and ONNX Runtime only; no Micronaut, no JDA.
 * Search data (synonyms, noise words, corrections, narrow topics) lives in content/search/; a new
 * ranking signal goes into {@code SectionSearch}, a new calibration signal into
 * {@code MatchCalibration.Signals}; measure both with bench/kb/search-quality.sh.
 */
@NullMarked
package dev.pcibot.kb.search;

import org.jspecify.annotations.NullMarked;
