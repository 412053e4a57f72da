package dev.pcibot.kb.search;

import dev.pcibot.ingest.GuideLibrary;
import dev.pcibot.ingest.Section;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.search.IndexSearcher;

/**
 * The bench behind {@code bench/kb/search-quality.sh}: recall@1, recall@3, MRR, answered-rate on
 * the answerable questions and the abstention table (none / closest / strong) on the unanswerable
 * ones, for the written table, the real dev half and the real test half; for pcibot with its fixed
 * defaults, for plain untuned BM25 (StandardAnalyzer, paragraph chunks), then for the settings a
 * grid search on the dev half picks (fusion first, then the calibration). Test figures are printed,
 * never used to choose. Not a test.
 *
 * <p>Usage: {@code SearchQualityBench [--model minilm-q|minilm|e5-small-q|all] [--misses] [--no-grid]
 * [--try k,dense,community,cover,words]... [--features FILE]}; {@code --misses} lists the dev
 * questions missed (dev only: the test half is not looked at); {@code --no-grid} skips the grid
 * search; {@code --try} reports one fusion setting (written and dev only), ranking only and then calibrated on dev;
 * {@code --features} writes the calibration signals and the query vectors of the dev and written
 * questions (never the test half) for fitting a calibration outside.
 */
public final class SearchQualityBench {
    private SearchQualityBench() {}

    /** One model's index and the candidates of every question, per dense-query length. */
    private record Setup(String model, KbIndex index, SectionSearch search, Map<Integer, Map<EvalQuestion, SectionSearch.Candidates>> byWords) {}

    public static void main(String[] args) throws Exception {
        List<String> models = List.of("minilm-q");
        boolean misses = false;
        Path features = null;
        boolean grid = true;
        List<String> tries = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--model" -> {
                    String m = args[++i];
                    models = m.equals("all") ? BenchModels.NAMES : List.of(m);
                }
                case "--misses" -> misses = true;
                case "--features" -> features = Path.of(args[++i]);
                case "--no-grid" -> grid = false;
                case "--try" -> tries.add(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        GuideLibrary library = GuideLibrary.bundled();
        List<Section> sections = library.sections();
        Map<String, List<EvalQuestion>> sets = new LinkedHashMap<>();
        sets.put("written", EvalQuestion.written());
        sets.put("dev", EvalQuestion.real("dev"));
        sets.put("test", EvalQuestion.real("test"));
        checkIds(sets, sections);
        for (Map.Entry<String, List<EvalQuestion>> e : sets.entrySet()) {
            long un = e.getValue().stream().filter(q -> !q.answerable()).count();
            System.out.printf("set %-8s %3d questions (%d unanswerable)%n", e.getKey(), e.getValue().size(), un);
        }

        System.out.println();
        System.out.println("== plain BM25 baseline (StandardAnalyzer, paragraph chunks, no tuning, never abstains)");
        System.out.println(QualityScores.header());
        try (PlainBm25 bm25 = new PlainBm25(sections)) {
            for (Map.Entry<String, List<EvalQuestion>> e : sets.entrySet()) {
                List<QualityScores.Outcome> out = new ArrayList<>();
                for (EvalQuestion q : e.getValue()) {
                    out.add(new QualityScores.Outcome(q, bm25.search(q.text(), 10).stream().map(Set::of).toList(), MatchLevel.STRONG));
                }
                System.out.println(QualityScores.of(out).row("bm25 " + e.getKey()));
            }
        }

        for (String model : models) {
            Path root = Files.createTempDirectory("kb-quality");
            Embedder embedder = BenchModels.named(model);
            long t0 = System.nanoTime();
            embedder.embedQuery("load");
            long loadMs = (System.nanoTime() - t0) / 1_000_000;
            try (KbIndex index = KbIndex.open(root, sections, library.fingerprint(), embedder, HybridTuning.DEFAULT)) {
                System.out.printf("%n== pcibot, model %s (load %d ms, index build %d ms with embeddings)%n", model, loadMs,
                        index.stats().buildMillis());
                Setup setup = new Setup(model, index, new SectionSearch(embedder, HybridTuning.DEFAULT), new HashMap<>());
                report(setup, sets, HybridTuning.FIXED, "fixed");
                report(setup, sets, HybridTuning.DEFAULT, "defaults");
                crossValidate(setup, sets.get("dev"), HybridTuning.DEFAULT);
                if (features != null) {
                    writeFeatures(setup, List.of(sets.get("dev"), sets.get("written")), HybridTuning.DEFAULT, features);
                }
                // a setting being tried is shown on the written table and dev only: seeing its test figures
                // while choosing is tuning on test
                Map<String, List<EvalQuestion>> tuning = new LinkedHashMap<>(sets);
                tuning.remove("test");
                for (String spec : tries) {
                    // k,dense,community,cover,words: ranking only (never abstains), then calibrated on dev
                    double[] v = Arrays.stream(spec.split(",")).mapToDouble(Double::parseDouble).toArray();
                    HybridTuning t = HybridTuning.DEFAULT.withFusion(v[0], 1, v[1]).withCommunityFactor(v[2]).withCoverBoost(v[3])
                            .withDenseWords((int) v[4]);
                    report(setup, tuning, t.withCalibration(0, 0, -10, -10), "rank " + spec);
                    for (QualityScores.Outcome o : outcomes(setup, sets.get("written"), t.withCalibration(0, 0, -10, -10))) {
                        if (o.question().answerable() && o.firstRelevant() != 0) {
                            System.out.printf("  written not first (rank %d): %s -> %s%n", o.firstRelevant(), o.question().text(),
                                    o.ranked().stream().limit(2).map(x -> x.iterator().next()).toList());
                        }
                    }
                    HybridTuning c = calibrate(setup, sets.get("dev"), t);
                    System.out.println("calibrated: " + c);
                    crossValidate(setup, sets.get("dev"), t);
                    report(setup, tuning, c, "cal " + spec);
                }
                if (!grid) {
                    if (misses) {
                        printMisses(setup, sets.get("dev"), HybridTuning.DEFAULT);
                    }
                    continue;
                }
                HybridTuning tuned = tune(setup, sets.get("dev"), sets.get("written"));
                System.out.println("tuned on dev: " + tuned);
                report(setup, sets, tuned, "tuned");
                if (misses) {
                    printMisses(setup, sets.get("dev"), tuned);
                    printSignals(setup, sets.get("dev"), tuned);
                    printSignals(setup, sets.get("written"), tuned);
                }
            } finally {
                IndexGeneration.deleteRecursively(root);
            }
        }
    }

    private static void checkIds(Map<String, List<EvalQuestion>> sets, List<Section> sections) {
        Set<String> ids = new LinkedHashSet<>();
        sections.forEach(s -> ids.add(s.id()));
        for (List<EvalQuestion> set : sets.values()) {
            for (EvalQuestion q : set) {
                for (String a : q.answers()) {
                    if (!ids.contains(a)) {
                        System.out.println("warning: " + q.id() + " names a section the guides do not have: " + a);
                    }
                }
            }
        }
    }

    private static void report(Setup setup, Map<String, List<EvalQuestion>> sets, HybridTuning t, String label) throws IOException {
        System.out.println(QualityScores.header());
        for (Map.Entry<String, List<EvalQuestion>> e : sets.entrySet()) {
            System.out.println(QualityScores.of(outcomes(setup, e.getValue(), t)).row(setup.model() + " " + label + " " + e.getKey()));
        }
    }

    static List<QualityScores.Outcome> outcomes(Setup setup, List<EvalQuestion> questions, HybridTuning t) throws IOException {
        List<QualityScores.Outcome> out = new ArrayList<>();
        Map<EvalQuestion, SectionSearch.Candidates> candidates = candidates(setup, questions, t.denseWords());
        IndexGeneration gen = setup.index().acquire();
        try {
            for (EvalQuestion q : questions) {
                SearchResult r = setup.search().result(gen, candidates.get(q), 10, t);
                out.add(new QualityScores.Outcome(q, r.hits().stream().map(SearchQualityBench::ids).toList(), r.level()));
            }
        } finally {
            gen.decRef();
        }
        return out;
    }

    private static Set<String> ids(SearchHit h) {
        Set<String> ids = new LinkedHashSet<>();
        ids.add(h.citation().sectionId());
        h.alsoIn().forEach(c -> ids.add(c.sectionId()));
        return ids;
    }

    private static Map<EvalQuestion, SectionSearch.Candidates> candidates(Setup setup, List<EvalQuestion> questions, int words)
            throws IOException {
        Map<EvalQuestion, SectionSearch.Candidates> cache = setup.byWords().computeIfAbsent(words, w -> new HashMap<>());
        IndexGeneration gen = setup.index().acquire();
        try {
            IndexSearcher searcher = gen.manager().acquire();
            try {
                for (EvalQuestion q : questions) {
                    if (!cache.containsKey(q)) {
                        SectionSearch.Candidates c;
                        try {
                            c = setup.search().candidates(searcher, gen, QueryText.of(q.text()).text(), words);
                        } catch (InvalidQueryException refused) {
                            // the service refuses it (too long): the user gets no answer, and so it counts
                            c = new SectionSearch.Candidates(q.text(), LexicalRanking.Lexical.EMPTY, List.of());
                        }
                        cache.put(q, c);
                    }
                }
            } finally {
                gen.manager().release(searcher);
            }
        } finally {
            gen.decRef();
        }
        return cache;
    }

    /**
     * Grid search on dev: first the fusion (rank quality: MRR plus recall@3, levels ignored; the
     * written table breaks ties only), then the
     * calibration: the closest-sections bar as high as answering 95 % of the answerable allows, the
     * weights that then abstain most on the unanswerable, the strong bar above every unanswerable one.
     */
    static HybridTuning tune(Setup setup, List<EvalQuestion> dev, List<EvalQuestion> written) throws IOException {
        if (dev.isEmpty()) {
            return HybridTuning.DEFAULT;
        }
        HybridTuning open = HybridTuning.DEFAULT.withCalibration(0, 0, -10, -10);
        HybridTuning best = open;
        double bestScore = -1;
        for (int words : new int[] {24, 40, 64}) {
            for (double k : new double[] {3, 5, 10, 20, 60}) {
                for (double dense : new double[] {0.5, 0.75, 1, 1.5, 2}) {
                    for (double community : new double[] {1, 0.8, 0.7, 0.6, 0.5}) {
                        for (double cover : new double[] {1, 1.25, 1.5, 2}) {
                            HybridTuning t = open.withDenseWords(words).withFusion(k, 1, dense).withCommunityFactor(community)
                                    .withCoverBoost(cover);
                            QualityScores s = QualityScores.of(outcomes(setup, dev, t));
                            // the written table only breaks ties between settings equal on dev
                            QualityScores w = QualityScores.of(outcomes(setup, written, t));
                            double score = s.mrr() + s.recallAt3() + 0.01 * (w.mrr() + w.recallAt3());
                            if (score > bestScore + 1e-9) {
                                bestScore = score;
                                best = t;
                            }
                        }
                    }
                }
            }
        }
        return calibrate(setup, dev, best);
    }

    static HybridTuning calibrate(Setup setup, List<EvalQuestion> dev, HybridTuning fusion) throws IOException {
        Map<EvalQuestion, SectionSearch.Candidates> candidates = candidates(setup, dev, fusion.denseWords());
        Map<EvalQuestion, MatchCalibration.Signals> signals = new HashMap<>();
        IndexGeneration gen = setup.index().acquire();
        try {
            for (EvalQuestion q : dev) {
                signals.put(q, SectionSearch.fuse(gen, candidates.get(q), fusion).signals());
            }
        } finally {
            gen.decRef();
        }
        HybridTuning best = fusion;
        double bestAbstain = -1;
        for (double cov = 0; cov <= 1.5001; cov += 0.125) {
            for (double agree : new double[] {0, 0.05, 0.1, 0.2}) {
                HybridTuning t = fusion.withCalibration(cov, agree, 0, 0);
                // questions the service refuses (over 1,000 characters) have no signals: no bar changes them
                double[] answerable = dev.stream().filter(EvalQuestion::answerable)
                        .filter(q -> signals.get(q) != MatchCalibration.Signals.NOTHING)
                        .mapToDouble(q -> MatchCalibration.confidence(signals.get(q), t)).sorted().toArray();
                double[] unanswerable = dev.stream().filter(q -> !q.answerable())
                        .filter(q -> signals.get(q) != MatchCalibration.Signals.NOTHING)
                        .mapToDouble(q -> MatchCalibration.confidence(signals.get(q), t)).sorted().toArray();
                if (answerable.length == 0) {
                    continue;
                }
                // the bar: the highest that still leaves 95 % of the answerable above it
                int allowedBelow = (int) Math.floor(0.05 * answerable.length);
                double closest = answerable[allowedBelow] - 1e-6;
                double abstain = Arrays.stream(unanswerable).filter(c -> c < closest).count() / (double) Math.max(1, unanswerable.length);
                double strong = Math.max(closest, unanswerable.length == 0 ? closest : unanswerable[unanswerable.length - 1] + 1e-3);
                if (abstain > bestAbstain + 1e-9) {
                    bestAbstain = abstain;
                    best = fusion.withCalibration(cov, agree, Math.ceil(strong * 1000) / 1000, Math.floor(closest * 1000) / 1000);
                }
            }
        }
        return best;
    }

    /**
     * How the calibration would do on dev questions it was not chosen on: five folds (every fifth
     * question), each leveled by the calibration {@link #calibrate} picks on the other four. The
     * figures calibrate prints for the whole dev half are chosen on those same questions and flatter.
     */
    static void crossValidate(Setup setup, List<EvalQuestion> dev, HybridTuning fusion) throws IOException {
        int folds = 5;
        int answerable = 0;
        int answered = 0;
        int unanswerable = 0;
        int none = 0;
        Map<EvalQuestion, SectionSearch.Candidates> candidates = candidates(setup, dev, fusion.denseWords());
        for (int f = 0; f < folds; f++) {
            List<EvalQuestion> train = new ArrayList<>();
            List<EvalQuestion> held = new ArrayList<>();
            for (int i = 0; i < dev.size(); i++) {
                (i % folds == f ? held : train).add(dev.get(i));
            }
            HybridTuning t = calibrate(setup, train, fusion);
            IndexGeneration gen = setup.index().acquire();
            try {
                for (EvalQuestion q : held) {
                    SectionSearch.Fused fused = SectionSearch.fuse(gen, candidates.get(q), t);
                    MatchLevel level = fused.ranked().isEmpty() ? MatchLevel.NONE : MatchCalibration.level(fused.signals(), t);
                    if (q.answerable()) {
                        answerable++;
                        answered += level.answered() ? 1 : 0;
                    } else {
                        unanswerable++;
                        none += level.answered() ? 0 : 1;
                    }
                }
            } finally {
                gen.decRef();
            }
        }
        System.out.printf("dev %d-fold cross-validated calibration: answered %.3f of the answerable, none for %d of %d unanswerable%n",
                folds, answered / (double) Math.max(1, answerable), none, unanswerable);
    }

    /**
     * The measured signals of each question of the given sets, one TSV row each, for fitting the
     * calibration outside (dev and written only: the test half is never written out).
     */
    private static void writeFeatures(Setup setup, List<List<EvalQuestion>> sets, HybridTuning t, Path file) throws IOException {
        List<String> rows = new ArrayList<>();
        rows.add("id\tset\tanswerable\trank\twords\tcosine\tcoverage\tagree\tmargin\tlift\tnearest\toverlap\tunknown\trare\tmaxcov\tconcepts\tlexrank\tdenserank");
        IndexGeneration gen = setup.index().acquire();
        try {
            for (List<EvalQuestion> set : sets) {
                if (set.stream().anyMatch(q -> q.split().equals("test"))) {
                    throw new IllegalArgumentException("the test half is not written out");
                }
                Map<EvalQuestion, SectionSearch.Candidates> candidates = candidates(setup, set, t.denseWords());
                for (EvalQuestion q : set) {
                    MatchCalibration.Signals s = SectionSearch.fuse(gen, candidates.get(q), t).signals();
                    if (s == MatchCalibration.Signals.NOTHING) {
                        continue;
                    }
                    // rank over the fused list regardless of the level
                    SearchResult r = setup.search().result(gen, candidates.get(q), 10, t.withCalibration(0, 0, -10, -10));
                    int rank = new QualityScores.Outcome(q, r.hits().stream().map(SearchQualityBench::ids).toList(), r.level()).firstRelevant();
                    rows.add(String.join("\t", q.id(), q.split(), q.answerable() ? "1" : "0", Integer.toString(rank),
                            Integer.toString(q.text().split("\\s+").length), d(s.cosine()), d(s.coverage()), s.agree() ? "1" : "0",
                            d(s.margin()), d(s.lift()), d(s.nearest()), d(s.overlap()), d(s.unknownShare()), d(s.rareCoverage()),
                            d(s.maxCoverage()), Integer.toString(s.concepts()),
                            Integer.toString(firstGold(gen, q, candidates.get(q).lexical().ranked().stream().map(h -> h.doc()).toList())),
                            Integer.toString(firstGold(gen, q, candidates.get(q).dense().stream().map(h -> h.doc()).toList()))));
                }
            }
        } finally {
            gen.decRef();
        }
        Files.write(file, rows);
        List<String> vectors = new ArrayList<>();
        for (List<EvalQuestion> set : sets) {
            for (EvalQuestion q : set) {
                float[] v = setup.search().embedder().embedQuery(DenseQuery.of(QueryText.of(q.text().length() > 1000 ? "x" : q.text()).text(), t.denseWords()));
                StringBuilder b = new StringBuilder(q.id());
                for (float x : v) {
                    b.append('\t').append(String.format(java.util.Locale.ROOT, "%.5f", x));
                }
                vectors.add(b.toString());
            }
        }
        Files.write(Path.of(file + ".vec"), vectors);
        System.out.println("features of " + (rows.size() - 1) + " questions written to " + file);
    }

    private static int firstGold(IndexGeneration gen, EvalQuestion q, List<Integer> docs) {
        for (int r = 0; r < docs.size(); r++) {
            if (q.answers().contains(gen.section(docs.get(r)).id())) {
                return r;
            }
        }
        return -1;
    }

    private static String d(double v) {
        return String.format(java.util.Locale.ROOT, "%.4f", v);
    }

    private static void printSignals(Setup setup, List<EvalQuestion> dev, HybridTuning t) throws IOException {
        System.out.println("signals (confidence, cosine, coverage, agree, margin; A = answerable, + = right in top 3):");
        Map<EvalQuestion, SectionSearch.Candidates> candidates = candidates(setup, dev, t.denseWords());
        List<QualityScores.Outcome> outcomes = outcomes(setup, dev, t);
        List<String> rows = new ArrayList<>();
        IndexGeneration gen = setup.index().acquire();
        try {
            for (int i = 0; i < dev.size(); i++) {
                EvalQuestion q = dev.get(i);
                MatchCalibration.Signals s = SectionSearch.fuse(gen, candidates.get(q), t).signals();
                int r = outcomes.get(i).firstRelevant();
                rows.add(String.format("  %6.3f  cos %.3f cov %.3f %s m %.2f lift %.3f  %s%s %s", MatchCalibration.confidence(s, t),
                        s.cosine(), s.coverage(), s.agree() ? "agree" : "     ", s.margin(), s.lift(), q.answerable() ? "A" : "-",
                        r >= 0 && r < 3 ? "+" : " ", q.id()));
            }
        } finally {
            gen.decRef();
        }
        rows.stream().sorted().forEach(System.out::println);
    }

    private static void printMisses(Setup setup, List<EvalQuestion> dev, HybridTuning t) throws IOException {
        System.out.println("dev questions missed (top 3) or mis-leveled:");
        for (QualityScores.Outcome o : outcomes(setup, dev, t)) {
            int r = o.firstRelevant();
            boolean wrong = o.question().answerable() ? (r < 0 || r >= 3 || o.level() == MatchLevel.NONE) : o.level() != MatchLevel.NONE;
            if (wrong) {
                System.out.printf("  %s [%s rank %d] %s%n      want %s%n      got  %s%n", o.question().id(), o.level(), r,
                        o.question().text().length() > 160 ? o.question().text().substring(0, 160) + "…" : o.question().text(),
                        o.question().answers(), o.ranked().stream().limit(3).map(s -> s.iterator().next()).toList());
            }
        }
    }
}
