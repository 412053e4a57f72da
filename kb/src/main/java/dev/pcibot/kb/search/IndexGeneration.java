package dev.pcibot.kb.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * One built index directory, open for searching: its {@link SearcherManager} and what is cached
 * per generation (the sections by doc id, their word sets, the vocabulary). A generation's
 * directory is written once and never changed, so its searcher never needs a refresh; a rebuild
 * makes a new generation instead.
 *
 * <p>Reference counted so that a rebuild can swap generations under running searches: the index
 * holds one reference while the generation is current, each search holds one while it runs, and
 * the last one out closes the manager and the directory (and deletes the folder once retired).
 */
final class IndexGeneration {
    private final Path folder;
    private final Directory directory;
    private final SearcherManager manager;
    private final String fingerprint;
    private final StoredSection[] sections;
    private final List<Set<String>> words;
    private final List<String> titles;
    private final List<List<Snippets.AnalyzedLine>> lines;
    private final List<List<Correction>> corrections;
    private final List<List<NarrowTopic>> narrowTopics;
    private final List<List<Integer>> duplicates;
    private final Map<String, Integer> docById;
    private final Vocabulary vocabulary;
    private final AtomicInteger refs = new AtomicInteger(1);
    private volatile boolean deleteWhenClosed;

    private IndexGeneration(Path folder, Directory directory, SearcherManager manager, String fingerprint,
            StoredSection[] sections, Vocabulary vocabulary, Corrections known, NarrowTopics narrow) {
        this.folder = folder;
        this.directory = directory;
        this.manager = manager;
        this.fingerprint = fingerprint;
        this.sections = sections;
        this.vocabulary = vocabulary;
        this.docById = new HashMap<>();
        this.words = new ArrayList<>(sections.length);
        this.titles = new ArrayList<>(sections.length);
        this.lines = new ArrayList<>(sections.length);
        this.corrections = new ArrayList<>(sections.length);
        this.narrowTopics = new ArrayList<>(sections.length);
        // per-section work done once here rather than in every search: analysed lines for
        // snippets, word sets and headings for near-duplicates, the known errors, the narrow topics
        for (int doc = 0; doc < sections.length; doc++) {
            docById.put(sections[doc].id(), doc);
            words.add(wordsOf(sections[doc].text()));
            titles.add(Headings.normalize(sections[doc].title()));
            lines.add(Snippets.analyze(sections[doc].text()));
            corrections.add(known.matching(sections[doc]));
            narrowTopics.add(narrow.of(sections[doc]));
        }
        this.duplicates = NearDuplicates.all(this);
    }

    /**
     * Opens a built folder.
     *
     * @param verify whether to check every file's checksum first (Lucene's {@code checkIntegrity}:
     *     reads each file once; a few milliseconds for the bundled guides), so that a truncated or
     *     damaged file is found now rather than by a search
     */
    static IndexGeneration open(Path folder, String fingerprint, Corrections known, NarrowTopics narrow, boolean verify,
            int dimension) throws IOException {
        Directory directory = FSDirectory.open(folder);
        SearcherManager manager = null;
        try {
            manager = new SearcherManager(directory, null);
            IndexSearcher searcher = manager.acquire();
            try {
                if (verify) {
                    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                        leaf.reader().checkIntegrity();
                    }
                }
                checkVectors(searcher, dimension);
                StoredFields stored = searcher.storedFields();
                StoredSection[] sections = new StoredSection[searcher.getIndexReader().maxDoc()];
                for (int doc = 0; doc < sections.length; doc++) {
                    sections[doc] = SectionDocuments.fromDocument(stored.document(doc));
                }
                Vocabulary vocabulary = Vocabulary.of(searcher.getIndexReader());
                return new IndexGeneration(folder, directory, manager, fingerprint, sections, vocabulary, known, narrow);
            } finally {
                manager.release(searcher);
            }
        } catch (IOException | RuntimeException e) {
            // close the reader too: a damaged folder is deleted next, which open files would stop on some systems
            try (Directory d = directory; SearcherManager m = manager) {
                // closed by try-with-resources, manager first
            } catch (IOException | RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /**
     * Every section has a vector of the model's length: a folder written without them (or with
     * another model whose id was reused) is not searchable by the dense half.
     */
    private static void checkVectors(IndexSearcher searcher, int dimension) throws IOException {
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            FieldInfo info = leaf.reader().getFieldInfos().fieldInfo(KbFields.VECTOR);
            FloatVectorValues values = leaf.reader().getFloatVectorValues(KbFields.VECTOR);
            int count = values == null ? 0 : values.size();
            if (info == null || info.getVectorDimension() != dimension || count != leaf.reader().maxDoc()) {
                throw new IOException("the index has " + count + " section vectors of length "
                        + (info == null ? 0 : info.getVectorDimension()) + " for " + leaf.reader().maxDoc()
                        + " sections, expected one each of length " + dimension);
            }
        }
    }

    /** Deletes what a failed build wrote; a folder that will not go is removed at the next start. */
    static void deleteQuietly(Path folder) {
        try {
            deleteRecursively(folder);
        } catch (IOException | RuntimeException ignored) {
            // removeLeftovers tries again at the next open
        }
    }

    Path folder() {
        return folder;
    }

    String fingerprint() {
        return fingerprint;
    }

    SearcherManager manager() {
        return manager;
    }

    int size() {
        return sections.length;
    }

    StoredSection section(int doc) {
        return sections[doc];
    }

    Set<String> words(int doc) {
        return words.get(doc);
    }

    /** The section's own heading, normalised for comparison. */
    String normalizedTitle(int doc) {
        return titles.get(doc);
    }

    List<Snippets.AnalyzedLine> lines(int doc) {
        return lines.get(doc);
    }

    /** The known errors of the section (empty for almost all). */
    List<Correction> corrections(int doc) {
        return corrections.get(doc);
    }

    /** The narrow topics the section's headings name (empty for almost all). */
    List<NarrowTopic> narrowTopics(int doc) {
        return narrowTopics.get(doc);
    }

    /** The near-duplicates of the section in other guides. */
    List<Integer> duplicates(int doc) {
        return duplicates.get(doc);
    }

    Integer docOf(String sectionId) {
        return docById.get(sectionId);
    }

    Vocabulary vocabulary() {
        return vocabulary;
    }

    /** Takes a reference unless the generation is already closed (then the caller retries with the new one). */
    boolean tryIncRef() {
        for (int n = refs.get(); n > 0; n = refs.get()) {
            if (refs.compareAndSet(n, n + 1)) {
                return true;
            }
        }
        return false;
    }

    void decRef() {
        if (refs.decrementAndGet() == 0) {
            closeNow();
        }
    }

    /** Gives up the index's own reference; the folder is deleted once the last search is done. */
    void retire(boolean deleteFolder) {
        this.deleteWhenClosed = deleteFolder;
        decRef();
    }

    private void closeNow() {
        try {
            manager.close();
            directory.close();
            if (deleteWhenClosed) {
                deleteRecursively(folder);
            }
        } catch (IOException e) {
            // a leftover folder is removed at the next start; nothing a search can do about it
            throw new UncheckedIOException("closing the index in " + folder, e);
        }
    }

    static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Lowercase words of a text, for near-duplicate detection. */
    static Set<String> wordsOf(String text) {
        Set<String> out = new java.util.HashSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (w.length() > 1) {
                out.add(w);
            }
        }
        return out;
    }
}
