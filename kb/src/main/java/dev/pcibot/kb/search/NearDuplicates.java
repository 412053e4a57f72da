package dev.pcibot.kb.search;

import dev.pcibot.ingest.GuideFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Collapses sections that say the same thing in different guides. The Proxmox wiki page is
 * bundled twice (a Markdown clip and a text dump of the same page), so most of its sections come
 * in pairs; a reader wants one hit that cites both. Two sections are near-duplicates when they are
 * in different guides and either have the same heading and overlapping words (or come from the
 * same origin page), or share most of their words whatever their headings.
 */
final class NearDuplicates {
    /** Same heading: word-set overlap (Jaccard) from which the texts count as one. */
    static final double SAME_HEADING_OVERLAP = 0.5;
    /** Different headings: overlap from which they still count as one. */
    static final double ANY_HEADING_OVERLAP = 0.8;

    private NearDuplicates() {}

    /** A ranked section: doc id in its generation and final score. */
    record Ranked(int doc, float score) {}

    /** A group of near-duplicates: the one to show first, the others to cite. */
    record Group(Ranked shown, List<Ranked> others, float score) {}

    /** Groups a ranked list (best first); the groups keep the rank of their best member. */
    static List<Group> collapse(List<Ranked> ranked, IndexGeneration gen) {
        List<List<Ranked>> groups = new ArrayList<>();
        for (Ranked r : ranked) {
            List<Ranked> home = null;
            List<Integer> dups = gen.duplicates(r.doc());
            for (List<Ranked> g : groups) {
                if (!dups.isEmpty() && g.stream().anyMatch(member -> dups.contains(member.doc()))) {
                    home = g;
                    break;
                }
            }
            if (home == null) {
                home = new ArrayList<>();
                groups.add(home);
            }
            home.add(r);
        }
        List<Group> out = new ArrayList<>();
        for (List<Ranked> g : groups) {
            Ranked shown = g.stream().min(preference(gen)).orElseThrow();
            List<Ranked> others = g.stream().filter(r -> r != shown).toList();
            out.add(new Group(shown, others, g.get(0).score()));
        }
        return out;
    }

    /** Better authority first, then the better-formatted capture (Markdown/HTML over a text dump), then score. */
    static Comparator<Ranked> preference(IndexGeneration gen) {
        return Comparator.<Ranked>comparingInt(r -> gen.section(r.doc()).authority().ordinal())
                .thenComparingInt(r -> gen.section(r.doc()).format() == GuideFormat.TEXT ? 1 : 0)
                .thenComparing(Comparator.comparingDouble(Ranked::score).reversed());
    }

    /** For each section, its near-duplicates (computed once per index generation). */
    static List<List<Integer>> all(IndexGeneration gen) {
        List<List<Integer>> out = new ArrayList<>(gen.size());
        for (int a = 0; a < gen.size(); a++) {
            out.add(new ArrayList<>());
        }
        for (int a = 0; a < gen.size(); a++) {
            for (int b = a + 1; b < gen.size(); b++) {
                if (near(gen, a, b)) {
                    out.get(a).add(b);
                    out.get(b).add(a);
                }
            }
        }
        return out.stream().map(List::copyOf).toList();
    }

    static boolean near(IndexGeneration gen, int a, int b) {
        StoredSection x = gen.section(a);
        StoredSection y = gen.section(b);
        if (a == b || x.guideId().equals(y.guideId())) {
            return false;
        }
        boolean sameHeading = gen.normalizedTitle(a).equals(gen.normalizedTitle(b));
        int sa = gen.words(a).size();
        int sb = gen.words(b).size();
        if (!sameHeading && Math.min(sa, sb) < ANY_HEADING_OVERLAP * Math.max(sa, sb)) {
            return false; // the overlap cannot reach the bar: skip the set intersection
        }
        double overlap = jaccard(gen.words(a), gen.words(b));
        if (sameHeading && (overlap >= SAME_HEADING_OVERLAP || x.originUrl().equals(y.originUrl()))) {
            return true;
        }
        return overlap >= ANY_HEADING_OVERLAP;
    }

    static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1.0;
        }
        int common = 0;
        Set<String> small = a.size() <= b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        for (String w : small) {
            if (large.contains(w)) {
                common++;
            }
        }
        return (double) common / (a.size() + b.size() - common);
    }
}
