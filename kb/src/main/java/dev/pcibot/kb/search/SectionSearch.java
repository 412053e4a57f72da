package dev.pcibot.kb.search;

import dev.pcibot.ingest.Authority;
import dev.pcibot.kb.search.DenseRanking.DenseHit;
import dev.pcibot.kb.search.LexicalRanking.Lexical;
import dev.pcibot.kb.search.LexicalRanking.LexicalHit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.lucene.search.IndexSearcher;

/**
 * One search over one index generation, hybrid: the lexical ranking ({@link LexicalRanking}: BM25
 * over the exact and prose fields) and the dense ranking ({@link DenseRanking}: nearest section
 * embeddings) fused by reciprocal rank fusion, community guides after the official ones where both
 * say the same, known errors after all; then how well it answers ({@link MatchCalibration}), then
 * near-duplicates collapsed → hits with snippets and corrections.
 *
 * <p>Why fuse ranks, not scores: BM25 scores grow with the length of the question and cosines do
 * not, so no one weight mixes them well across questions; ranks are comparable. Long pasted
 * questions keep their point because the lexical half reads all of it (the quoted error line, the
 * {@code vfio-pci.ids=} parameter weigh most there) while the dense half reads a trimmed question
 * ({@link DenseQuery}).
 */
final class SectionSearch {
    /** Sections with a known error come after all others, and score lower. */
    static final float CORRECTED_SECTION_FACTOR = 0.6f;
    /** The first sections without a known error that always go before one with. */
    static final int ALWAYS_BEFORE_KNOWN_ERRORS = 3;

    /**
     * The dense ranking keeps at least this share of its weight however technical the question: a
     * question whose few known words are all tokens (a Chinese question naming {@code zfs} and
     * {@code raid1}) otherwise got no dense ranking at all although the embedding read it rightly
     * (dev R@1/R@3/MRR ranking only 0.575/0.725/0.674 -> 0.588/0.738/0.686; 0.5 measured the same).
     */
    static final double DENSE_FLOOR = 0.25;

    private final Embedder embedder;
    private final HybridTuning tuning;

    SectionSearch(Embedder embedder, HybridTuning tuning) {
        this.embedder = embedder;
        this.tuning = tuning;
    }

    Embedder embedder() {
        return embedder;
    }

    /** What both halves found for a question, before fusion (the bench fuses it many ways). */
    record Candidates(String question, Lexical lexical, List<DenseHit> dense) {}

    /** The fused ranking (best first, known errors last) and what was measured about its top. */
    record Fused(List<NearDuplicates.Ranked> ranked, MatchCalibration.Signals signals) {}

    SearchResult search(IndexSearcher searcher, IndexGeneration gen, QueryText query, int limit) throws IOException {
        return result(gen, candidates(searcher, gen, query.text(), tuning.denseWords()), limit, tuning);
    }

    Candidates candidates(IndexSearcher searcher, IndexGeneration gen, String question, int denseWords) throws IOException {
        if (gen.size() == 0) {
            return new Candidates(question, Lexical.EMPTY, List.of());
        }
        Lexical lexical = LexicalRanking.rank(searcher, gen, question);
        List<DenseHit> dense = DenseRanking.rank(searcher, embedder.embedQuery(DenseQuery.of(question, denseWords)));
        return new Candidates(question, lexical, dense);
    }

    SearchResult result(IndexGeneration gen, Candidates c, int limit, HybridTuning t) {
        Fused fused = fuse(gen, c, t);
        MatchLevel level = fused.ranked().isEmpty() ? MatchLevel.NONE : MatchCalibration.level(fused.signals(), t);
        if (level == MatchLevel.NONE) {
            return SearchResult.none(c.question());
        }
        Snippets.Terms terms = Snippets.Terms.of(c.lexical().concepts().stream().map(LexicalRanking.Weighed::concept).toList());
        List<SearchHit> hits = new ArrayList<>();
        for (NearDuplicates.Group g : NearDuplicates.collapse(fused.ranked(), gen)) {
            if (hits.size() >= limit) {
                break;
            }
            hits.add(hit(gen, g.shown().doc(), g.score(), g.others().stream().map(NearDuplicates.Ranked::doc).toList(), terms));
        }
        return new SearchResult(c.question(), true, hits, level);
    }

    /** Reciprocal rank fusion of both rankings, with the authority and narrow-topic factors. */
    static Fused fuse(IndexGeneration gen, Candidates c, HybridTuning t) {
        Map<Integer, Double> score = new HashMap<>();
        List<LexicalHit> lexical = c.lexical().ranked();
        for (int r = 0; r < lexical.size(); r++) {
            score.merge(lexical.get(r).doc(), t.lexicalWeight() / (t.rrfK() + r + 1), Double::sum);
        }
        double dense = t.denseWeight() * Math.max(DENSE_FLOOR, 1 - c.lexical().technicalShare());
        for (int r = 0; r < c.dense().size(); r++) {
            score.merge(c.dense().get(r).doc(), dense / (t.rrfK() + r + 1), Double::sum);
        }
        for (LexicalHit h : lexical) {
            if (h.covers()) {
                // the more of the question a covering section holds, the more it gains
                score.computeIfPresent(h.doc(), (d, s) -> s * (1 + (t.coverBoost() - 1) * h.coverage()));
            }
        }
        List<String> questionTerms = NarrowTopics.terms(c.question());
        List<NearDuplicates.Ranked> ranked = new ArrayList<>();
        List<NearDuplicates.Ranked> knownWrong = new ArrayList<>();
        for (Map.Entry<Integer, Double> e : score.entrySet()) {
            int doc = e.getKey();
            double s = e.getValue();
            if (gen.section(doc).authority() == Authority.COMMUNITY) {
                s *= t.communityFactor();
            }
            if (gen.narrowTopics(doc).stream().anyMatch(n -> !n.askedIn(questionTerms))) {
                s *= LexicalRanking.NARROW_TOPIC_FACTOR;
            }
            boolean wrong = gen.corrections(doc).stream().anyMatch(Correction::demotes);
            (wrong ? knownWrong : ranked).add(new NearDuplicates.Ranked(doc, (float) (wrong ? s * CORRECTED_SECTION_FACTOR : s)));
        }
        // ties (rare: equal ranks in both lists) go to the lower doc id, so that results are stable
        ranked.sort((a, b) -> a.score() != b.score() ? Float.compare(b.score(), a.score()) : Integer.compare(a.doc(), b.doc()));
        knownWrong.sort((a, b) -> a.score() != b.score() ? Float.compare(b.score(), a.score()) : Integer.compare(a.doc(), b.doc()));
        MatchCalibration.Signals signals = signals(c, ranked.isEmpty() ? knownWrong : ranked);
        // a section with a known error never goes before a relevant one without (the best three, and
        // those that cover the question by the lexical rule); after them it takes its own, lowered,
        // place among the rest
        java.util.Set<Integer> covering = new java.util.HashSet<>();
        lexical.stream().filter(LexicalHit::covers).forEach(h -> covering.add(h.doc()));
        List<NearDuplicates.Ranked> out = new ArrayList<>(ranked.size() + knownWrong.size());
        List<NearDuplicates.Ranked> tail = new ArrayList<>(knownWrong);
        for (int i = 0; i < ranked.size(); i++) {
            (i < ALWAYS_BEFORE_KNOWN_ERRORS || covering.contains(ranked.get(i).doc()) ? out : tail).add(ranked.get(i));
        }
        tail.sort((a, b) -> a.score() != b.score() ? Float.compare(b.score(), a.score()) : Integer.compare(a.doc(), b.doc()));
        float ceiling = out.isEmpty() ? Float.MAX_VALUE : out.get(out.size() - 1).score();
        for (NearDuplicates.Ranked r : tail) {
            // scores stay in rank order for callers that show them
            ceiling = Math.min(r.score(), ceiling * 0.99f);
            out.add(new NearDuplicates.Ranked(r.doc(), ceiling));
        }
        return new Fused(out, signals);
    }

    /**
     * What is measured about the first of {@code ranked}. NOTE: taking the best coverage of the first
     * three instead was tried: on the dev half it answered more unanswerable questions.
     */
    private static MatchCalibration.Signals signals(Candidates c, List<NearDuplicates.Ranked> ranked) {
        if (ranked.isEmpty()) {
            return MatchCalibration.Signals.NOTHING;
        }
        int top = ranked.get(0).doc();
        List<DenseHit> dense = c.dense();
        // a section past the dense candidates is at most as near as the last of them
        double cosine = dense.isEmpty() ? -1 : dense.get(dense.size() - 1).cosine();
        boolean denseTop3 = false;
        for (int r = 0; r < dense.size(); r++) {
            if (dense.get(r).doc() == top) {
                cosine = dense.get(r).cosine();
                denseTop3 = r < 3;
            }
        }
        double coverage = 0;
        boolean lexicalTop3 = false;
        List<LexicalHit> lexical = c.lexical().ranked();
        for (int r = 0; r < lexical.size(); r++) {
            if (lexical.get(r).doc() == top) {
                lexicalTop3 = r < 3;
            }
            if (lexical.get(r).doc() == top) {
                coverage = lexical.get(r).coverage();
            }
        }
        double margin = ranked.size() < 2 ? 1 : (ranked.get(0).score() - ranked.get(1).score()) / ranked.get(0).score();
        double lift = dense.isEmpty() ? 0 : cosine - dense.get(Math.min(9, dense.size() - 1)).cosine();
        double nearest = dense.isEmpty() ? -1 : dense.get(0).cosine();
        // how many of the first five of one list the other's first five hold
        java.util.Set<Integer> lexTop = new java.util.HashSet<>();
        for (int r = 0; r < Math.min(5, lexical.size()); r++) {
            lexTop.add(lexical.get(r).doc());
        }
        int shared = 0;
        for (int r = 0; r < Math.min(5, dense.size()); r++) {
            shared += lexTop.contains(dense.get(r).doc()) ? 1 : 0;
        }
        double total = 0;
        double unknown = 0;
        double rare = 0;
        double rareHeld = 0;
        double maxCoverage = 0;
        for (LexicalHit h : lexical) {
            maxCoverage = Math.max(maxCoverage, h.coverage());
        }
        for (LexicalRanking.Weighed w : c.lexical().concepts()) {
            total += w.weight();
            int df = w.docs().cardinality();
            if (df == 0) {
                unknown += w.weight();
            } else if (df <= RARE_DF) {
                rare += w.weight();
                rareHeld += w.docs().get(top) ? w.weight() : 0;
            }
        }
        return new MatchCalibration.Signals(cosine, coverage, denseTop3 && lexicalTop3, margin, lift, nearest, shared / 5.0,
                total == 0 ? 1 : unknown / total, rare == 0 ? 1 : rareHeld / rare, maxCoverage, c.lexical().concepts().size());
    }

    /** A known concept in at most this many sections is rare (for {@code Signals.rareCoverage}). */
    static final int RARE_DF = 5;

    /** The section by id, as a hit without a question (snippet = its opening lines). */
    Optional<SearchHit> section(IndexGeneration gen, String sectionId) {
        Integer doc = gen.docOf(sectionId);
        if (doc == null) {
            return Optional.empty();
        }
        return Optional.of(hit(gen, doc, 0f, gen.duplicates(doc), Snippets.Terms.NONE));
    }

    private SearchHit hit(IndexGeneration gen, int doc, float score, List<Integer> others, Snippets.Terms terms) {
        StoredSection s = gen.section(doc);
        List<Correction> fixes = gen.corrections(doc);
        List<Pattern> wrong = fixes.stream().map(Correction::wrong).toList();
        List<String> commands = s.commands().stream()
                .filter(c -> wrong.stream().noneMatch(p -> p.matcher(c).find()))
                .toList();
        String correction = fixes.isEmpty() ? null : String.join("\n", fixes.stream().map(Correction::text).toList());
        return new SearchHit(
                s.citation(),
                s.authority().name(),
                Snippets.of(gen.lines(doc), terms, wrong),
                commands,
                score,
                others.stream().map(o -> gen.section(o).citation()).toList(),
                correction);
    }

}
