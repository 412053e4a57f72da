package dev.pcibot.kb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pcibot.ingest.Section;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Answer quality over the real bundled guides: recall@1, recall@3 and MRR of our search against a
 * plain StandardAnalyzer BM25 index over title+text, on the question table
 * {@code search/questions.tsv}; and the no-answer table {@code search/unanswerable.txt}.
 */
class SearchQualityTest {
    @TempDir
    static Path root;
    static List<Section> sections;
    static KbIndex index;

    record Question(String text, Set<String> answers) {}

    @BeforeAll
    static void open() {
        sections = BundledGuides.SECTIONS;
        index = KbIndex.open(root, sections, BundledGuides.FINGERPRINT);
    }

    @AfterAll
    static void close() {
        index.close();
    }

    static List<String> lines(String resource) throws IOException {
        try (InputStream in = SearchQualityTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .toList();
        }
    }

    static List<Question> questions() throws IOException {
        List<Question> out = new ArrayList<>();
        for (String line : lines("search/questions.tsv")) {
            String[] cols = line.split("\t");
            if (cols[0].equals("question")) {
                continue;
            }
            out.add(new Question(cols[0], new LinkedHashSet<>(List.of(cols[1].split(",")))));
        }
        return out;
    }

    /** Recall@1, recall@3 and MRR (first relevant rank within 10) of ranked id lists. */
    record Scores(double recallAt1, double recallAt3, double mrr) {
        static Scores of(List<Question> questions, List<List<Set<String>>> ranked) {
            double r1 = 0;
            double r3 = 0;
            double mrr = 0;
            for (int q = 0; q < questions.size(); q++) {
                List<Set<String>> hits = ranked.get(q);
                for (int rank = 0; rank < Math.min(10, hits.size()); rank++) {
                    if (hits.get(rank).stream().anyMatch(questions.get(q).answers()::contains)) {
                        r1 += rank == 0 ? 1 : 0;
                        r3 += rank < 3 ? 1 : 0;
                        mrr += 1.0 / (rank + 1);
                        break;
                    }
                }
            }
            int n = questions.size();
            return new Scores(r1 / n, r3 / n, mrr / n);
        }
    }

    /** Each hit counts with the sections it collapsed (alsoIn): it cites them too. */
    static List<Set<String>> ours(String question) {
        return index.searcher().search(question, 10).hits().stream()
                .map(h -> {
                    Set<String> ids = new LinkedHashSet<>();
                    ids.add(h.citation().sectionId());
                    h.alsoIn().forEach(c -> ids.add(c.sectionId()));
                    return ids;
                })
                .toList();
    }

    @Test
    void everyExpectedSectionExists() throws IOException {
        Set<String> ids = sections.stream().map(Section::id).collect(Collectors.toSet());
        for (Question q : questions()) {
            for (String id : q.answers()) {
                assertTrue(ids.contains(id), () -> "questions.tsv names a section the guides no longer have: " + id);
            }
        }
        assertTrue(questions().size() >= 40);
    }

    @Test
    void oursBeatsPlainBm25AndFindsTheAnswerInTheTopThree() throws IOException {
        List<Question> questions = questions();
        List<List<Set<String>>> oursRanked = new ArrayList<>();
        List<List<Set<String>>> baseRanked = new ArrayList<>();
        StringBuilder misses = new StringBuilder();
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory(); StandardAnalyzer analyzer = new StandardAnalyzer()) {
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
                for (Section s : sections) {
                    Document d = new Document();
                    d.add(new StringField("id", s.id(), Field.Store.YES));
                    d.add(new TextField("all", s.title() + "\n" + s.text(), Field.Store.NO));
                    w.addDocument(d);
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                QueryBuilder builder = new QueryBuilder(analyzer);
                for (Question q : questions) {
                    List<Set<String>> mine = ours(q.text());
                    oursRanked.add(mine);
                    Query query = builder.createBooleanQuery("all", q.text(), BooleanClause.Occur.SHOULD);
                    List<Set<String>> base = new ArrayList<>();
                    if (query != null) {
                        for (ScoreDoc sd : searcher.search(query, 10).scoreDocs) {
                            base.add(Set.of(searcher.storedFields().document(sd.doc).get("id")));
                        }
                    }
                    baseRanked.add(base);
                    boolean inTop3 = mine.stream().limit(3).anyMatch(ids -> ids.stream().anyMatch(q.answers()::contains));
                    if (!inTop3) {
                        misses.append("  miss: ").append(q.text()).append(" -> ")
                                .append(mine.stream().limit(3).map(ids -> ids.iterator().next()).toList()).append('\n');
                    }
                }
            }
        }
        Scores mine = Scores.of(questions, oursRanked);
        Scores base = Scores.of(questions, baseRanked);
        System.out.printf("%nSearch quality over %d questions (%d sections)%n", questions.size(), sections.size());
        System.out.printf("%-22s %9s %9s %7s%n", "", "recall@1", "recall@3", "MRR");
        System.out.printf("%-22s %9.3f %9.3f %7.3f%n", "ours", mine.recallAt1(), mine.recallAt3(), mine.mrr());
        System.out.printf("%-22s %9.3f %9.3f %7.3f%n", "StandardAnalyzer BM25", base.recallAt1(), base.recallAt3(), base.mrr());
        System.out.print(misses);
        assertTrue(mine.recallAt3() >= 0.9, "recall@3 " + mine.recallAt3() + "\n" + misses);
        assertTrue(mine.mrr() > base.mrr(), "MRR ours " + mine.mrr() + " vs baseline " + base.mrr());
        assertTrue(mine.recallAt3() > base.recallAt3(), "recall@3 ours " + mine.recallAt3() + " vs baseline " + base.recallAt3());
    }

    /**
     * Since the match is calibrated (issue 7: prefer "closest sections" over nothing), a question near
     * the guides' topics ("how to increase disk size of my vm") may get closest sections; none of
     * these may be a strong match, and a question in none of the guides' words gets no answer.
     */
    @Test
    void questionsTheGuidesDoNotAnswerAreNeverAStrongMatch() throws IOException {
        List<String> strong = new ArrayList<>();
        int none = 0;
        List<String> questions = lines("search/unanswerable.txt");
        for (String q : questions) {
            SearchResult r = index.searcher().search(q, 5);
            assertEquals(r.answered(), !r.hits().isEmpty());
            assertEquals(r.answered(), r.level() != MatchLevel.NONE);
            none += r.level() == MatchLevel.NONE ? 1 : 0;
            if (r.level() == MatchLevel.STRONG) {
                strong.add(q + " -> " + r.hits().get(0).citation().sectionId());
            }
        }
        assertTrue(strong.isEmpty(), "a strong match although the guides say nothing about it: " + strong);
        assertTrue(none >= questions.size() * 0.4, "no answer for only " + none + " of " + questions.size());
        for (String offTopic : List.of("how do i bake bread", "asdf qwer zxcv", "what is the capital of france")) {
            assertEquals(MatchLevel.NONE, index.searcher().search(offTopic, 5).level(), offTopic);
        }
    }

    @Test
    void everyQuestionOfTheTableIsAnswered() throws IOException {
        List<String> unanswered = questions().stream().map(Question::text)
                .filter(q -> !index.searcher().search(q, 5).answered())
                .toList();
        assertTrue(unanswered.isEmpty(), "no answer for " + unanswered);
    }

    @Test
    void wikiCapturesNeverShowTwice() throws IOException {
        for (Question q : questions()) {
            List<SearchHit> hits = index.searcher().search(q.text(), 10).hits();
            Set<String> titles = new LinkedHashSet<>();
            for (SearchHit h : hits) {
                if (h.authority().equals("OFFICIAL_WIKI")) {
                    assertTrue(titles.add(Headings.normalize(h.citation().headingPath().isEmpty() ? ""
                            : h.citation().headingPath().get(h.citation().headingPath().size() - 1))),
                            () -> q.text() + ": the same wiki section twice: " + hits.stream().map(x -> x.citation().sectionId()).toList());
                }
            }
        }
        assertFalse(questions().isEmpty());
    }
}
