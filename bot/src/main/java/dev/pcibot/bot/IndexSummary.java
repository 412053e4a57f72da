package dev.pcibot.bot;

import dev.pcibot.kb.search.KbIndex;

/** The log's one-line account of the index: how many sections and guides, built or reused, how fast. */
final class IndexSummary {
    private IndexSummary() {}

    static String of(int guides, KbIndex.Stats s) {
        return "index holds " + s.sections() + " sections from " + guides + " guides ("
                + (s.built() ? "built in " + s.buildMillis() + " ms" : "reused, checksums verified in " + s.verifyMillis() + " ms")
                + ")";
    }
}
