package dev.pcibot.kb.diagnose;

import dev.pcibot.kb.search.Citation;
import java.util.List;

/**
 * Turns a finding's citation queries (the {@code cite:} lines of findings/id.md) into guide
 * sections. The application wires it to the knowledge base search (top hit of each query, queries
 * without a good answer skipped); kb stays free of that wiring.
 */
@FunctionalInterface
public interface CitationResolver {
    /** A resolver that cites nothing, for callers without a knowledge base. */
    CitationResolver NONE = queries -> List.of();

    List<Citation> resolve(List<String> citeQueries);
}
