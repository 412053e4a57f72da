package dev.pcibot.kb.search;

import dev.pcibot.ingest.Section;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
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

/**
 * The honest baseline: plain Lucene BM25 with StandardAnalyzer over paragraph chunks (a section's
 * heading and each blank-line-separated paragraph one document), no tuning, no abstention: it
 * always answers with the sections of its best chunks.
 */
final class PlainBm25 implements AutoCloseable {
    private final ByteBuffersDirectory dir = new ByteBuffersDirectory();
    private final StandardAnalyzer analyzer = new StandardAnalyzer();
    private final DirectoryReader reader;
    private final IndexSearcher searcher;

    PlainBm25(List<Section> sections) throws IOException {
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
            for (Section s : sections) {
                for (String chunk : (s.title() + "\n\n" + s.text()).split("\n\\s*\n")) {
                    if (!chunk.isBlank()) {
                        Document d = new Document();
                        d.add(new StoredField("id", s.id()));
                        d.add(new TextField("text", chunk, Field.Store.NO));
                        w.addDocument(d);
                    }
                }
            }
        }
        reader = DirectoryReader.open(dir);
        searcher = new IndexSearcher(reader);
    }

    /** Section ids, best first, at most {@code limit}. */
    List<String> search(String question, int limit) throws IOException {
        Query query = new QueryBuilder(analyzer).createBooleanQuery("text", question, BooleanClause.Occur.SHOULD);
        if (query == null) {
            return List.of();
        }
        Set<String> ids = new LinkedHashSet<>();
        for (ScoreDoc sd : searcher.search(query, limit * 20).scoreDocs) {
            ids.add(searcher.storedFields().document(sd.doc).get("id"));
            if (ids.size() >= limit) {
                break;
            }
        }
        return new ArrayList<>(ids);
    }

    @Override
    public void close() throws IOException {
        reader.close();
        dir.close();
        analyzer.close();
    }
}
