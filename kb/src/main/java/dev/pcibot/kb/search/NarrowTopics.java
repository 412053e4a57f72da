package dev.pcibot.kb.search;

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
        static final NarrowTopics BUNDLED = parse(KbAnalyzers.readLines(RESOURCE));
    }

    /** Parses the data lines (comments and blank lines already removed); bad rows fail loudly at start. */
    static NarrowTopics parse(List<String> lines) {
        List<NarrowTopic> topics = new ArrayList<>();
        for (String line : lines) {
            if (line.equals(HEADER)) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            List<String> heading = cols.length == 2 ? terms(cols[0]) : List.of();
            if (heading.size() != 1) {
                throw new IllegalStateException(RESOURCE + ": expected one heading word, a tab, then cues: " + line);
            }
            List<List<String>> cues = new ArrayList<>();
            cues.add(heading);
            for (String cue : cols[1].split(",")) {
                List<String> words = terms(cue);
                if (words.isEmpty()) {
                    throw new IllegalStateException(RESOURCE + ": empty cue (or stop words only) in: " + line);
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
