package dev.pcibot.kb.search;

import dev.pcibot.ingest.Authority;
import dev.pcibot.ingest.GuideFormat;
import dev.pcibot.ingest.Section;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FloatDocValuesField;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.VectorSimilarityFunction;

/** Turns a {@link Section} into an index document and a stored document back into a {@link StoredSection}. */
final class SectionDocuments {
    private SectionDocuments() {}

    /**
     * What the embedding model reads of a section: its heading path (the guide's words for the topic)
     * and its text; the model cuts it to its own length.
     */
    static String passage(Section section) {
        return String.join(" > ", section.headingPath()) + "\n" + section.text();
    }

    static Document toDocument(Section section, float[] vector) {
        Document doc = new Document();
        // unit-length vectors (OnnxEmbedder normalises): dot product = cosine, the cheapest comparison
        doc.add(new KnnFloatVectorField(KbFields.VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
        doc.add(new KeywordField(KbFields.ID, section.id(), Field.Store.YES));
        doc.add(new KeywordField(KbFields.GUIDE, section.guide().id(), Field.Store.YES));
        doc.add(new StoredField(KbFields.GUIDE_TITLE, section.guide().title()));
        doc.add(new StoredField(KbFields.GUIDE_FORMAT, section.guide().format().name()));
        doc.add(new StoredField(KbFields.AUTHORITY, section.guide().authority().name()));
        doc.add(new StoredField(KbFields.ORIGIN, section.guide().originUrl()));
        doc.add(new FloatDocValuesField(KbFields.AUTHORITY_BOOST, section.guide().authority().boost()));
        doc.add(new TextField(KbFields.TITLE, section.title(), Field.Store.YES));
        List<String> parents = section.headingPath().isEmpty()
                ? List.of()
                : section.headingPath().subList(0, section.headingPath().size() - 1);
        doc.add(new TextField(KbFields.PATH, String.join("\n", parents), Field.Store.NO));
        for (String heading : section.headingPath()) {
            doc.add(new StoredField(KbFields.HEADING_PATH, heading));
        }
        doc.add(new TextField(KbFields.BODY, section.text(), Field.Store.YES));
        String exact = String.join("\n", section.headingPath()) + "\n" + section.text() + "\n"
                + String.join("\n", section.commands());
        doc.add(new TextField(KbFields.EXACT, exact, Field.Store.NO));
        for (String command : section.commands()) {
            doc.add(new StoredField(KbFields.COMMAND, command));
        }
        doc.add(new StoredField(KbFields.URL, section.url()));
        return doc;
    }

    static StoredSection fromDocument(Document doc) {
        return new StoredSection(
                doc.get(KbFields.ID),
                doc.get(KbFields.GUIDE),
                doc.get(KbFields.GUIDE_TITLE),
                GuideFormat.valueOf(doc.get(KbFields.GUIDE_FORMAT)),
                Authority.valueOf(doc.get(KbFields.AUTHORITY)),
                doc.get(KbFields.ORIGIN),
                values(doc, KbFields.HEADING_PATH),
                doc.get(KbFields.TITLE),
                doc.get(KbFields.BODY),
                values(doc, KbFields.COMMAND),
                doc.get(KbFields.URL));
    }

    private static List<String> values(Document doc, String field) {
        return Arrays.stream(doc.getFields(field)).map(IndexableField::stringValue).toList();
    }
}
