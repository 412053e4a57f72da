package dev.pcibot.kb.search;

import java.util.List;
import java.util.Set;

/**
 * Recall@1, recall@3, MRR (first relevant rank within 10) over the answerable questions, how many
 * of them got any answer, and how the unanswerable ones were handled.
 */
record QualityScores(int answerable, double recallAt1, double recallAt3, double mrr, double answered,
        int unanswerable, int none, int closest, int strong) {

    /** One question's outcome: the ranked hits (each a set: a hit cites its near-duplicates too) and the level. */
    record Outcome(EvalQuestion question, List<Set<String>> ranked, MatchLevel level) {
        int firstRelevant() {
            for (int r = 0; r < Math.min(10, ranked.size()); r++) {
                if (ranked.get(r).stream().anyMatch(question.answers()::contains)) {
                    return r;
                }
            }
            return -1;
        }
    }

    static QualityScores of(List<Outcome> outcomes) {
        int n = 0, u = 0, none = 0, closest = 0, strong = 0;
        double r1 = 0, r3 = 0, mrr = 0, answered = 0;
        for (Outcome o : outcomes) {
            if (o.question().answerable()) {
                n++;
                answered += o.level() == MatchLevel.NONE ? 0 : 1;
                int r = o.firstRelevant();
                if (r >= 0) {
                    r1 += r == 0 ? 1 : 0;
                    r3 += r < 3 ? 1 : 0;
                    mrr += 1.0 / (r + 1);
                }
            } else {
                u++;
                switch (o.level()) {
                    case NONE -> none++;
                    case CLOSEST -> closest++;
                    case STRONG -> strong++;
                }
            }
        }
        int d = Math.max(1, n);
        return new QualityScores(n, r1 / d, r3 / d, mrr / d, answered / d, u, none, closest, strong);
    }

    double abstention() {
        return unanswerable == 0 ? 0 : (double) none / unanswerable;
    }

    static String header() {
        return String.format("%-34s %4s %6s %6s %6s %8s | %4s %5s %7s %6s %8s",
                "", "n", "R@1", "R@3", "MRR", "answered", "unan", "none", "closest", "strong", "abstain");
    }

    String row(String label) {
        return String.format("%-34s %4d %6.3f %6.3f %6.3f %8.3f | %4d %5d %7d %6d %8.3f",
                label, answerable, recallAt1, recallAt3, mrr, answered, unanswerable, none, closest, strong, abstention());
    }
}
