package dev.pcibot.kb.search;

import dev.pcibot.ingest.TsvRows;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The narrow topics of the guides, read from {@code content/search/narrow-topics.tsv}. A section
 * whose headings name one ("PCI(e) Passthrough > vIOMMU (emulated IOMMU) > Intel vIOMMU") shares
 * the words of a common question ("enable IOMMU on an Intel CPU") but answers a rarer one (IOMMU
 * inside a VM for nested passthrough); it ranks lower unless the question uses the topic's cues
 * ("vIOMMU", "nested", "guest", "inside the VM").
 *
 * <p>Everything is compared after {@link KbAnalyzers#prose()} analysis, the one the headings are
 * indexed with, so "vIOMMU", "viommu" and "VIOMMU" are one word, and "nested"/"nesting" one stem.
 * Synonyms play no part: "vm" in a question is not the cue "guest".
 */
final class NarrowTopics {
    static final String RESOURCE = "content/search/narrow-topics.tsv";
    private static final String HEADER = "heading\tcues";

    private final List<NarrowTopic> topics;

    NarrowTopics(List<NarrowTopic> topics) {
        this.topics = List.copyOf(topics);
    }

    static NarrowTopics bundled() {
        return Holder.BUNDLED;
    }

    private static final class Holder {
        static final NarrowTopics BUNDLED = fromRows(KbAnalyzers.readRows(RESOURCE));
    }

    /** Parses data lines (as in the file, without comments); bad rows fail loudly at start. */
    static NarrowTopics parse(List<String> lines) {
        return fromRows(TsvRows.parse(String.join("\n", lines), RESOURCE));
    }

    private static NarrowTopics fromRows(List<TsvRows.Row> rows) {
        List<NarrowTopic> topics = new ArrayList<>();
        for (TsvRows.Row row : rows) {
            if (row.text().strip().equals(HEADER)) {
                continue;
            }
            List<String> cols = row.filled();
            List<String> heading = cols.size() == 2 ? terms(cols.get(0)) : List.of();
            if (heading.size() != 1) {
                throw row.fail("expected one heading word, a tab, then cues: " + row.text());
            }
            List<List<String>> cues = new ArrayList<>();
            cues.add(heading);
            for (String cue : cols.get(1).split(",")) {
                List<String> words = terms(cue);
                if (words.isEmpty()) {
                    throw row.fail("empty cue (or stop words only) in: " + row.text());
                }
                cues.add(words);
            }
            topics.add(new NarrowTopic(heading.get(0), cues));
        }
        return new NarrowTopics(topics);
    }

    List<NarrowTopic> topics() {
        return topics;
    }

    /** The topics a section's headings name (empty for almost all). */
    List<NarrowTopic> of(StoredSection section) {
        return ofHeadings(section.headingPath());
    }

    /** The topics a heading path (parents first, the section's own heading last) names. */
    List<NarrowTopic> ofHeadings(List<String> headingPath) {
        if (topics.isEmpty() || headingPath.isEmpty()) {
            return List.of();
        }
        List<String> headingTerms = terms(String.join("\n", headingPath));
        return topics.stream().filter(t -> t.names(headingTerms)).toList();
    }

    /** The prose terms of a text in order, stop words left out. */
    static List<String> terms(String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = KbAnalyzers.prose().tokenStream(KbFields.BODY, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader never fails
        }
        return out;
    }
}
