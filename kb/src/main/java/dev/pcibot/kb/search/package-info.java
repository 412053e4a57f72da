/**
 * The knowledge base search: Lucene analyzers, the index of guide sections, ranking, snippets and
 * the "no good answer" decision. Lucene only; no Micronaut, no JDA.
 */
@NullMarked
package dev.pcibot.kb.search;

import org.jspecify.annotations.NullMarked;
