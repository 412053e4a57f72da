package dev.pcibot.kb.search;

import dev.pcibot.ingest.Section;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The knowledge-base index on disk, and the one place that builds it.
 *
 * <p>Layout under the index root: one folder per build ({@code index-<millis>-<n>}) and a file
 * {@code current} naming the folder in use, and {@code build.lock}, held while building or cleaning
 * up so that two processes on one root never step on each other. A build writes a fresh folder, commits it (the
 * guides' fingerprint goes into the commit's user data), and only then replaces {@code current}
 * by an atomic move: a crash at any point leaves the previous index in use, never a half-written
 * one. {@link #open} reuses the current folder when its fingerprint matches and builds otherwise.
 * {@link #rebuild} swaps the new folder in under running searches; the old one is closed and
 * deleted when its last search releases it.
 *
 * <pre>{@code
 * GuideLibrary library = GuideLibrary.bundled();
 * try (KbIndex index = KbIndex.open(dataDir.resolve("index"), library.sections(), library.fingerprint())) {
 *     SearchResult r = index.searcher().search("gpu code 43", 5);
 * }
 * }</pre>
 */
public final class KbIndex implements Closeable {
    /** Bump when fields or index-time analysis change: an index of another schema is stale. */
    static final String SCHEMA = "kb-search-3";
    static final String POINTER = "current";
    static final String FINGERPRINT_KEY = "fingerprint";
    static final String SCHEMA_KEY = "schema";
    static final String LOCK = "build.lock";
    /** One monitor per index root: a JVM may not hold two file locks on one file. */
    private static final ConcurrentHashMap<Path, Object> BUILDERS = new ConcurrentHashMap<>();

    /**
     * What the index holds and how it came to be.
     *
     * @param sections number of sections indexed
     * @param buildMillis time spent building (0 when reused)
     * @param built true when built by this process, false when an up-to-date index was reused
     * @param fingerprint the guides' fingerprint the index was built from
     * @param folder the folder in use
     */
    public record Stats(int sections, long buildMillis, boolean built, String fingerprint, Path folder) {}

    private final Path root;
    private final KbSearcher searcher;
    private volatile IndexGeneration current;
    private volatile Stats stats;
    private volatile boolean closed;
    private int counter;

    private KbIndex(Path root) {
        this.root = root;
        this.searcher = new KbSearcher(this, new SectionSearch());
    }

    /**
     * Opens the index under {@code indexRoot}, building it when it is missing, unreadable or stale
     * (built from another fingerprint or schema).
     *
     * @throws KbIndexException when the folder cannot be written or read
     */
    public static KbIndex open(Path indexRoot, List<Section> sections, String fingerprint) {
        KbIndex index = new KbIndex(indexRoot);
        try {
            Files.createDirectories(indexRoot);
            index.exclusive(() -> {
                Path reusable = index.reusableFolder(fingerprint);
                if (reusable != null) {
                    IndexGeneration gen = IndexGeneration.open(reusable, fingerprint, Corrections.bundled(), NarrowTopics.bundled());
                    index.current = gen;
                    index.stats = new Stats(gen.size(), 0, false, fingerprint, reusable);
                } else {
                    index.swapIn(sections, fingerprint);
                }
                index.removeLeftovers();
            });
            return index;
        } catch (IOException e) {
            throw new KbIndexException("cannot open or build the search index in " + indexRoot + ": " + e.getMessage(), e);
        }
    }

    /**
     * Builds a new index from {@code sections} beside the current one and swaps it in; searches
     * keep running on the old one until they finish. Always builds, even for an equal fingerprint.
     */
    public synchronized void rebuild(List<Section> sections, String fingerprint) {
        ensureOpen();
        try {
            exclusive(() -> swapIn(sections, fingerprint));
        } catch (IOException e) {
            throw new KbIndexException("cannot rebuild the search index in " + root + ": " + e.getMessage(), e);
        }
    }

    /** The searcher; the same object across rebuilds (it always searches the current index). */
    public KbSearcher searcher() {
        return searcher;
    }

    public Stats stats() {
        return stats;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            current.retire(false);
        }
    }

    /** The current generation with a reference taken; the caller must {@link IndexGeneration#decRef()}. */
    IndexGeneration acquire() {
        while (true) {
            ensureOpen();
            IndexGeneration gen = current;
            if (gen.tryIncRef()) {
                return gen;
            }
            // a rebuild retired it between the read and the increment: the next read sees the new one
            Thread.onSpinWait();
        }
    }

    private interface IndexWork {
        void run() throws IOException;
    }

    /**
     * Runs a build or cleanup while no other KbIndex on the same root does, in this JVM or another
     * process (a CLI "build the index" next to a running server): otherwise one could delete the
     * folder the other is still writing.
     */
    private void exclusive(IndexWork work) throws IOException {
        Object jvmLock = BUILDERS.computeIfAbsent(root.toAbsolutePath().normalize(), p -> new Object());
        synchronized (jvmLock) {
            try (FileChannel channel = FileChannel.open(root.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = channel.lock()) {
                work.run();
            }
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the search index is closed");
        }
    }

    private synchronized void swapIn(List<Section> sections, String fingerprint) throws IOException {
        long start = System.nanoTime();
        Path folder = newFolder();
        int count = write(folder, sections, fingerprint);
        IndexGeneration fresh = IndexGeneration.open(folder, fingerprint, Corrections.bundled(), NarrowTopics.bundled());
        pointTo(folder);
        long millis = (System.nanoTime() - start) / 1_000_000;
        IndexGeneration old = current;
        current = fresh;
        stats = new Stats(count, millis, true, fingerprint, folder);
        if (old != null) {
            old.retire(true);
        }
    }

    private Path newFolder() {
        Path folder;
        do {
            folder = root.resolve("index-" + System.currentTimeMillis() + "-" + (counter++));
        } while (Files.exists(folder));
        return folder;
    }

    private static int write(Path folder, List<Section> sections, String fingerprint) throws IOException {
        // one document per id: a duplicate id would leave a deleted document behind
        Map<String, Section> byId = new LinkedHashMap<>();
        for (Section s : sections) {
            byId.putIfAbsent(s.id(), s);
        }
        IndexWriterConfig config = new IndexWriterConfig(KbAnalyzers.indexing())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE);
        try (Directory dir = FSDirectory.open(folder); IndexWriter writer = new IndexWriter(dir, config)) {
            for (Section s : byId.values()) {
                writer.updateDocument(new Term(KbFields.ID, s.id()), SectionDocuments.toDocument(s));
            }
            writer.forceMerge(1); // a read-only index: one segment keeps doc ids and caches simple
            writer.setLiveCommitData(Map.of(FINGERPRINT_KEY, fingerprint, SCHEMA_KEY, SCHEMA).entrySet());
            writer.commit();
        }
        return byId.size();
    }

    /** Replaces the pointer file atomically: readers see the old name or the new one, never half of it. */
    private void pointTo(Path folder) throws IOException {
        Path tmp = root.resolve(POINTER + ".tmp");
        Files.writeString(tmp, folder.getFileName().toString(), StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(tmp, root.resolve(POINTER), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The folder {@code current} names, when it holds a committed index of this fingerprint and schema. */
    private Path reusableFolder(String fingerprint) {
        Path pointer = root.resolve(POINTER);
        try {
            if (!Files.isRegularFile(pointer)) {
                return null;
            }
            String name = Files.readString(pointer, StandardCharsets.UTF_8).strip();
            if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
                return null;
            }
            Path folder = root.resolve(name);
            if (!Files.isDirectory(folder)) {
                return null;
            }
            try (Directory dir = FSDirectory.open(folder)) {
                if (!DirectoryReader.indexExists(dir)) {
                    return null;
                }
                Map<String, String> data = SegmentInfos.readLatestCommit(dir).getUserData();
                boolean fresh = fingerprint.equals(data.get(FINGERPRINT_KEY)) && SCHEMA.equals(data.get(SCHEMA_KEY));
                return fresh ? folder : null;
            }
        } catch (IOException | RuntimeException e) {
            return null; // unreadable or corrupt: build a new one
        }
    }

    /** Folders of interrupted builds and of generations no longer current (from earlier runs). */
    private void removeLeftovers() throws IOException {
        Path keep = current.folder();
        try (Stream<Path> children = Files.list(root)) {
            for (Path p : children.toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith("index-") && Files.isDirectory(p) && !p.equals(keep)) {
                    IndexGeneration.deleteRecursively(p);
                }
            }
        }
        Files.deleteIfExists(root.resolve(POINTER + ".tmp"));
    }
}
