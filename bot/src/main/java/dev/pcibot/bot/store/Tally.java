package dev.pcibot.bot.store;

/** Votes on one finding or section: what per-rule precision is computed from. */
public record Tally(String itemId, int helpful, int notHelpful) {
    /** Share of helpful votes, or NaN without votes. */
    public double precision() {
        int all = helpful + notHelpful;
        return all == 0 ? Double.NaN : (double) helpful / all;
    }
}
