package dev.pcibot.kb.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;

/**
 * The dense half of the search: the sections whose embeddings are nearest the question's, from the
 * HNSW graph of {@link KbFields#VECTOR}. Finds the section that says the same thing in other words
 * ("my card shows error 43 in windows" → the Code 43 section), which no word match can.
 */
final class DenseRanking {
    /** How many nearest sections are fused; the ones after rarely matter to the first three. */
    static final int CANDIDATES = 40;

    /**
     * A section near the question.
     *
     * @param cosine the cosine of the two vectors (-1..1; the sentence models give 0.2 to unrelated
     *     text and 0.6 and more to text on the same point)
     */
    record DenseHit(int doc, float cosine) {}

    private DenseRanking() {}

    static List<DenseHit> rank(IndexSearcher searcher, float[] question) throws IOException {
        ScoreDoc[] docs = searcher.search(new KnnFloatVectorQuery(KbFields.VECTOR, question, CANDIDATES), CANDIDATES).scoreDocs;
        List<DenseHit> out = new ArrayList<>(docs.length);
        for (ScoreDoc sd : docs) {
            // NOTE: Lucene scores DOT_PRODUCT as (1 + dot) / 2 so that scores stay positive
            out.add(new DenseHit(sd.doc, 2 * sd.score - 1));
        }
        return out;
    }
}
