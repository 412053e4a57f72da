package dev.pcibot.kb.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.FixedBitSet;

/**
 * The lexical half of the search: question → concepts → Lucene query over the exact and prose
 * fields (built in code, never parsed, so query syntax in user text is inert) → sections ranked by
 * BM25, each with how much of the question it covers.
 *
 * <p>Coverage does not look at raw scores (BM25 scores are not comparable across queries). It asks
 * how much of the question a section covers: each concept weighs its inverse document frequency,
 * so rare words count most, and a word the guides never use ("docker", "bread") weighs as much as
 * the rarest word they do use; numbers weigh little; technical tokens
 * ({@code allow_unsafe_interrupts=1}, {@code k80}) weigh double, being unambiguous. A section
 * {@linkplain LexicalHit#covers() covers} the question when it covers {@link #MIN_COVERAGE} of the
 * weight, or {@link #MIN_COVERAGE_RARE_PAIR} when it also holds two of the question's rare concepts
 * together ("lsi" and "hba": two rare words side by side in one section are seldom a coincidence).
 * Coverage is one of the signals of {@link MatchCalibration}; it no longer drops a section.
 *
 * <p>A section on a narrow topic ({@link NarrowTopics}: the vIOMMU sections, about an IOMMU emulated
 * inside a VM) shares the words of a common question ("enable IOMMU on an Intel CPU") but answers a
 * rarer one; unless the question uses the topic's cues it scores {@link #NARROW_TOPIC_FACTOR} as much.
 */
final class LexicalRanking {
    static final double MIN_COVERAGE = 0.45;
    static final double MIN_COVERAGE_RARE_PAIR = 0.35;
    /** A concept is rare when at most this share of the sections (and at least 3) mention it. */
    static final double RARE_SHARE = 0.05;
    /** Technical tokens weigh this much more than words in the coverage test. */
    static final double TECHNICAL_WEIGHT = 2.0;
    static final int CANDIDATES = 60;
    static final float TITLE_BOOST = 2.0f;
    static final float PATH_BOOST = 0.5f;
    static final float EXACT_BOOST = 1.5f;
    static final float SYNONYM_BOOST = 0.6f;
    /**
     * A concept inside a quoted phrase of the question scores this much more: a user who quotes
     * "error 43" or an error line in a long post marks it as the point, while the rest (hardware,
     * what was tried) is context (dev R@1/R@3/MRR 0.575/0.725/0.668 -> 0.588/0.738/0.676, the
     * written table unchanged; 1.5 measured 0.575/0.738/0.670, 3 lost a written question).
     */
    static final float QUOTE_BOOST = 2.0f;
    /**
     * Quoted stretches: double quotes, backticks, typographic quotes, and single quotes that do not
     * stand inside a word (so that "doesn't ... isn't" is no quote).
     */
    private static final Pattern QUOTED =
            Pattern.compile("\"([^\"]{2,200})\"|`([^`]{2,200})`|\u201c([^\u201d]{2,200})\u201d|(?<!\\p{L})'([^']{4,200})'(?!\\p{L})");
    /** A spelling-corrected word is a guess: it counts this much in scoring and coverage. */
    static final float CORRECTED_WEIGHT = 0.5f;
    /**
     * A section on a narrow topic (vIOMMU) that the question does not ask about scores this much: it
     * shares the words of the common question but answers a rarer one, see {@link NarrowTopics}.
     */
    static final float NARROW_TOPIC_FACTOR = 0.5f;
    /**
     * Numbers ("11" in "windows 11", "7 to 8") and unknown model numbers ("rtx4090") say little about
     * the topic, and a known number often matches by coincidence (a table row, "GeForce 7, 8").
     */
    static final double NUMBER_WEIGHT = 0.25;


    /**
     * A section the lexical query found.
     *
     * @param coverage share of the question's weight the section holds (0..1)
     * @param covers whether that is enough by the coverage rule above
     */
    record LexicalHit(int doc, float score, double coverage, boolean covers) {}

    /**
     * The question's concepts (with their weights) and the sections ranked, best first.
     *
     * @param technicalShare the share of the question's weight its technical tokens carry (0..1)
     */
    record Lexical(List<Weighed> concepts, List<LexicalHit> ranked, double technicalShare) {
        static final Lexical EMPTY = new Lexical(List.of(), List.of(), 0);
    }

    record Weighed(Concept concept, FixedBitSet docs, double weight) {}

    private LexicalRanking() {}

    static Lexical rank(IndexSearcher searcher, IndexGeneration gen, String question) throws IOException {
        List<Weighed> concepts = weigh(searcher, gen, QueryConcepts.of(question));
        if (concepts.isEmpty() || gen.size() == 0) {
            return Lexical.EMPTY;
        }
        double total = concepts.stream().mapToDouble(Weighed::weight).sum();
        double technical = concepts.stream().filter(w -> !w.concept().exactTerms().isEmpty()).mapToDouble(Weighed::weight).sum();
        int rareDf = Math.max(3, (int) Math.round(RARE_SHARE * gen.size()));

        BooleanQuery.Builder all = new BooleanQuery.Builder();
        boolean any = false;
        List<String> quoted = quoted(question);
        for (Weighed w : concepts) {
            if (w.docs().cardinality() > 0) {
                Query q = scoringQuery(w.concept());
                if (inQuotes(w.concept(), quoted)) {
                    q = new BoostQuery(q, QUOTE_BOOST);
                }
                all.add(q, Occur.SHOULD);
                any = true;
            }
        }
        if (!any) {
            return new Lexical(concepts, List.of(), technical / total);
        }
        Query scoring = FunctionScoreQuery.boostByValue(all.build(), DoubleValuesSource.fromFloatField(KbFields.AUTHORITY_BOOST));
        TopDocs top = searcher.search(scoring, CANDIDATES);

        List<String> questionTerms = NarrowTopics.terms(question);
        List<LexicalHit> ranked = new ArrayList<>();
        for (ScoreDoc sd : top.scoreDocs) {
            double covered = 0;
            int rare = 0;
            for (Weighed w : concepts) {
                if (w.docs().get(sd.doc)) {
                    covered += w.weight() * (w.concept().corrected() ? CORRECTED_WEIGHT : 1.0);
                    rare += !w.concept().corrected() && w.docs().cardinality() <= rareDf ? 1 : 0;
                }
            }
            double coverage = covered / total;
            boolean covers = coverage >= (rare >= 2 ? MIN_COVERAGE_RARE_PAIR : MIN_COVERAGE);
            float score = (float) (sd.score * (0.5 + 0.5 * coverage));
            if (gen.narrowTopics(sd.doc).stream().anyMatch(t -> !t.askedIn(questionTerms))) {
                score *= NARROW_TOPIC_FACTOR;
            }
            ranked.add(new LexicalHit(sd.doc, score, coverage, covers));
        }
        // NOTE: sorting the covering sections first was tried: better on the written table, worse on
        // the real dev questions, whose point is often one phrase of a long question
        ranked.sort((a, b) -> Float.compare(b.score(), a.score()));
        return new Lexical(concepts, ranked, technical / total);
    }

    /** Which documents each concept matches, and how much it weighs; unknown words get spelling correction. */
    private static List<Weighed> weigh(IndexSearcher searcher, IndexGeneration gen, List<Concept> concepts) throws IOException {
        int n = gen.size();
        List<Weighed> out = new ArrayList<>();
        for (Concept c : concepts) {
            FixedBitSet docs = matching(searcher, matchQuery(c), n);
            if (docs.cardinality() == 0) {
                Optional<Concept> fixed = corrected(c, gen.vocabulary());
                if (fixed.isPresent()) {
                    FixedBitSet fixedDocs = matching(searcher, matchQuery(fixed.get()), n);
                    if (fixedDocs.cardinality() > 0) {
                        c = fixed.get();
                        docs = fixedDocs;
                    }
                }
            }
            int df = docs.cardinality();
            // a word the guides never use weighs like one they use once: "opnsense" in "pass a nic to
            // opnsense" must not outweigh "pass", "nic" and "pci" together
            double weight = idf(Math.max(1, df), n);
            if (c.numeric() || (df == 0 && c.surface().chars().anyMatch(Character::isDigit))) {
                weight *= NUMBER_WEIGHT;
            }
            if (df > 0 && !c.exactTerms().isEmpty()) {
                weight *= TECHNICAL_WEIGHT;
            }
            out.add(new Weighed(c, docs, weight));
        }
        return out;
    }

    /** What the question puts in quotes: "error 43", `Creating domain...`, 'Unknown PCI header type'. */
    static List<String> quoted(String question) {
        List<String> out = new ArrayList<>();
        Matcher m = QUOTED.matcher(question);
        while (m.find()) {
            for (int g = 1; g <= m.groupCount(); g++) {
                // a quoted single token names a thing ("hostpci0"); a quoted phrase is a message
                if (m.group(g) != null && m.group(g).strip().contains(" ")) {
                    out.add(m.group(g).toLowerCase(Locale.ROOT));
                }
            }
        }
        return out;
    }

    /** Whether the concept's words stand inside one of the question's quoted phrases. */
    static boolean inQuotes(Concept c, List<String> quoted) {
        String surface = c.surface().toLowerCase(Locale.ROOT);
        return !surface.isBlank() && quoted.stream().anyMatch(q -> q.contains(surface));
    }

    /** BM25's inverse document frequency. */
    static double idf(int df, int n) {
        return Math.log(1 + (n - df + 0.5) / (df + 0.5));
    }

    /** A one-word concept the guides never use, replaced by the closest word they do use. */
    private static Optional<Concept> corrected(Concept c, Vocabulary vocabulary) {
        if (c.alternatives().isEmpty() || c.alternatives().get(0).size() != 1 || !c.exactTerms().isEmpty()) {
            return Optional.empty();
        }
        return vocabulary.correct(c.alternatives().get(0).get(0))
                .map(t -> new Concept(c.surface(), List.of(List.of(t)), List.of(false), Set.of(), true));
    }

    /** All docs matching any way of saying the concept, in any field. */
    static Query matchQuery(Concept c) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (List<String> alt : c.alternatives()) {
            for (String field : List.of(KbFields.BODY, KbFields.TITLE, KbFields.PATH)) {
                b.add(phrase(field, alt, slop(c)), Occur.SHOULD);
            }
        }
        for (String t : c.exactTerms()) {
            b.add(new TermQuery(new Term(KbFields.EXACT, t)), Occur.SHOULD);
        }
        return b.build();
    }

    /** Best way the section says the concept: heading matches count more, synonyms and guesses less. */
    static Query scoringQuery(Concept c) {
        List<Query> ways = new ArrayList<>();
        for (int i = 0; i < c.alternatives().size(); i++) {
            List<String> alt = c.alternatives().get(i);
            BooleanQuery.Builder fields = new BooleanQuery.Builder();
            fields.add(phrase(KbFields.BODY, alt, slop(c)), Occur.SHOULD);
            fields.add(new BoostQuery(phrase(KbFields.TITLE, alt, slop(c)), TITLE_BOOST), Occur.SHOULD);
            fields.add(new BoostQuery(phrase(KbFields.PATH, alt, slop(c)), PATH_BOOST), Occur.SHOULD);
            float boost = (c.synonym().get(i) ? SYNONYM_BOOST : 1f) * (c.corrected() ? CORRECTED_WEIGHT : 1f);
            ways.add(new BoostQuery(fields.build(), boost));
        }
        for (String t : c.exactTerms()) {
            ways.add(new BoostQuery(new TermQuery(new Term(KbFields.EXACT, t)), EXACT_BOOST));
        }
        return new DisjunctionMaxQuery(ways, 0.1f);
    }

    /**
     * Words of a technical token may stand a little apart in prose: {@code rombar=off} asked, the
     * guide writes {@code rombar=on|off}, whose prose words are "rombar", "off" with a stop word
     * between. Synonym phrases ("graphics card") must be exact.
     */
    private static int slop(Concept c) {
        return c.exactTerms().isEmpty() ? 0 : 2;
    }

    private static Query phrase(String field, List<String> terms, int slop) {
        return terms.size() == 1
                ? new TermQuery(new Term(field, terms.get(0)))
                : new PhraseQuery(slop, field, terms.toArray(String[]::new));
    }

    private static FixedBitSet matching(IndexSearcher searcher, Query query, int maxDoc) throws IOException {
        FixedBitSet bits = new FixedBitSet(Math.max(1, maxDoc));
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Scorer scorer = weight.scorer(leaf);
            if (scorer == null) {
                continue;
            }
            DocIdSetIterator it = scorer.iterator();
            for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                bits.set(leaf.docBase + doc);
            }
        }
        return bits;
    }
}
