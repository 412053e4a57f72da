package dev.pcibot.kb.search;

import dev.pcibot.ingest.Section;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.LinkOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.jspecify.annotations.Nullable;

/**
 * The knowledge-base index on disk, and the one place that builds it.
 *
 * <p>Layout under the index root: one folder per build ({@code index-<millis>-<n>}) and a file
 * {@code current} naming the folder in use, and {@code build.lock}, held while building or cleaning
 * up so that two processes on one root never step on each other. A build writes a fresh folder, commits it (the
 * guides' fingerprint, the schema and the embedding model's id go into the commit's user data), and only then replaces {@code current}
 * by an atomic move: a crash at any point leaves the previous index in use, never a half-written
 * one. {@link #open} reuses the current folder when its fingerprint matches and every file's checksum
 * verifies, and builds otherwise (a truncated or damaged file, a {@code current} that is not a file).
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
    static final String SCHEMA = "kb-search-4";
    static final String POINTER = "current";
    static final String FINGERPRINT_KEY = "fingerprint";
    static final String SCHEMA_KEY = "schema";
    /** The embedding model the vectors were made with: another model makes the index stale. */
    static final String EMBEDDER_KEY = "embedder";
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
     * @param verifyMillis time spent checking the checksums of the reused index (0 when built)
     * @param rebuiltBecause why an index that was there could not be used (damaged files, a
     *     {@code current} that is a folder), for one warning in the log; null when there was none or it
     *     was merely stale
     * @param readOnly why the index root cannot be written, when it cannot: the index in it is served
     *     as it is (verified), and nothing can be built, cleaned up or swapped in until it can; null
     *     when it is writable
     */
    public record Stats(int sections, long buildMillis, boolean built, String fingerprint, Path folder,
            long verifyMillis, @Nullable String rebuiltBecause, @Nullable String readOnly) {}

    private final Path root;
    private final Embedder embedder;
    private final KbSearcher searcher;
    private final Duration retryInterval;
    private final Consumer<Stats> onOpen;
    private final Consumer<KbIndexException> onFailure;
    private volatile @Nullable IndexGeneration current;
    private volatile @Nullable Stats stats;
    private volatile boolean closed;
    private int counter;
    // deferred opening: what to build from, and the last failure (thrown again until the next try)
    private List<Section> pendingSections;
    private String pendingFingerprint;
    private @Nullable KbIndexException lastFailure;
    private long lastAttemptNanos;
    private @Nullable String problem;

    private KbIndex(Path root, List<Section> sections, String fingerprint, Duration retryInterval,
            Consumer<Stats> onOpen, Consumer<KbIndexException> onFailure, Embedder embedder, HybridTuning tuning) {
        this.onOpen = onOpen;
        this.embedder = embedder;
        this.root = root;
        this.pendingSections = sections;
        this.pendingFingerprint = fingerprint;
        this.retryInterval = retryInterval;
        this.onFailure = onFailure;
        this.searcher = new KbSearcher(this, new SectionSearch(embedder, tuning));
    }

    /**
     * Opens the index under {@code indexRoot}, building it when it is missing, unreadable or stale
     * (built from another fingerprint or schema).
     *
     * @throws KbIndexException when the folder cannot be written or read
     */
    public static KbIndex open(Path indexRoot, List<Section> sections, String fingerprint) {
        return open(indexRoot, sections, fingerprint, Embedder.bundled(), HybridTuning.DEFAULT);
    }

    /**
     * Opens the index as {@link #open(Path, List, String)} does, with another embedding model or
     * other search settings (the search-quality bench compares models and settings this way).
     */
    public static KbIndex open(Path indexRoot, List<Section> sections, String fingerprint, Embedder embedder,
            HybridTuning tuning) {
        KbIndex index = new KbIndex(indexRoot, sections, fingerprint, Duration.ZERO, s -> {}, e -> {}, embedder, tuning);
        index.openPending();
        return index;
    }

    /**
     * An index that opens (or builds) on first use instead of now, so that a service can start and
     * say why while its folder is unusable. Each use while it cannot be opened throws
     * {@link KbIndexException}; a new attempt is made at most once per {@code retryInterval} (in
     * between, the last failure is thrown again), and each failed attempt is handed to
     * {@code onFailure} once, for the log; {@code onOpen} hears of the open that succeeds.
     */
    public static KbIndex deferred(Path indexRoot, List<Section> sections, String fingerprint, Duration retryInterval,
            Consumer<Stats> onOpen, Consumer<KbIndexException> onFailure) {
        return new KbIndex(indexRoot, sections, fingerprint, retryInterval, onOpen, onFailure, Embedder.bundled(),
                HybridTuning.DEFAULT);
    }

    /** Whether the index is open, trying to open it first when it is not (see {@link #deferred}). */
    public boolean available() {
        try {
            generation();
            return true;
        } catch (KbIndexException e) {
            return false;
        }
    }

    /** Why the index is not available (the last failed attempt), or null when it is open or untried. */
    public synchronized @Nullable KbIndexException failure() {
        return current == null ? lastFailure : null;
    }

    /** The current generation, opening the index first when it is not yet. */
    private IndexGeneration generation() {
        IndexGeneration gen = current;
        return gen != null ? gen : openPending();
    }

    private synchronized IndexGeneration openPending() {
        ensureOpen();
        IndexGeneration gen = current;
        if (gen != null) {
            return gen;
        }
        KbIndexException last = lastFailure;
        if (last != null && System.nanoTime() - lastAttemptNanos < retryInterval.toNanos()) {
            throw last;
        }
        lastAttemptNanos = System.nanoTime();
        try {
            Files.createDirectories(root);
            try {
                exclusive(() -> {
                    problem = null;
                    IndexGeneration reused = reopen(pendingFingerprint);
                    if (reused == null) {
                        swapIn(pendingSections, pendingFingerprint);
                    }
                    removeLeftovers();
                });
            } catch (ReadOnlyRoot e) {
                openReadOnly(e);
            }
            lastFailure = null;
            pendingSections = List.of(); // built or reused: the sections are no longer needed
            onOpen.accept(stats);
            return current;
        } catch (IOException | RuntimeException e) {
            KbIndexException failure = e instanceof KbIndexException k ? k
                    : new KbIndexException("cannot open or build the search index in " + root + ": " + e,
                            KbIndexException.reasonOf(e), e);
            lastFailure = failure;
            onFailure.accept(failure);
            throw failure;
        }
    }

    /**
     * Builds a new index from {@code sections} beside the current one and swaps it in; searches
     * keep running on the old one until they finish. Always builds, even for an equal fingerprint.
     */
    public synchronized void rebuild(List<Section> sections, String fingerprint) {
        ensureOpen();
        if (current == null) {
            // never opened (a deferred index on a folder that was unusable): open from these guides now
            pendingSections = sections;
            pendingFingerprint = fingerprint;
            lastFailure = null;
            openPending();
            return;
        }
        try {
            exclusive(() -> swapIn(sections, fingerprint));
        } catch (IOException e) {
            throw new KbIndexException("cannot rebuild the search index in " + root + ": " + e,
                    KbIndexException.reasonOf(e), e);
        }
    }

    /** The searcher; the same object across rebuilds (it always searches the current index). */
    public KbSearcher searcher() {
        return searcher;
    }

    /** What the index holds; opens it first when it is not yet (and throws when it cannot). */
    public Stats stats() {
        generation();
        return stats;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            IndexGeneration gen = current;
            if (gen != null) {
                gen.retire(false);
            }
        }
    }

    /** The current generation with a reference taken; the caller must {@link IndexGeneration#decRef()}. */
    IndexGeneration acquire() {
        while (true) {
            ensureOpen();
            IndexGeneration gen = generation();
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
            FileChannel channel;
            try {
                channel = FileChannel.open(root.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            } catch (FileSystemException e) {
                // nothing can be written here (a read-only mount, a folder of another user): say so
                // apart from a build that fails midway, so that an index already there can still serve
                if (e instanceof AccessDeniedException || KbIndexException.reasonOf(e).contains("read-only")
                        || KbIndexException.reasonOf(e).contains("cannot be written")) {
                    throw new ReadOnlyRoot(e);
                }
                throw e;
            }
            try (channel; FileLock lock = channel.lock()) {
                work.run();
            }
        }
    }

    /** The index root refuses writes: not even the lock file can be made. */
    private static final class ReadOnlyRoot extends IOException {
        ReadOnlyRoot(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /**
     * Serves the index {@code current} names in a root that cannot be written, when it is of these
     * guides and verifies; without the build lock, as only reading is done (a process that can write
     * the root would have to be another mount of it). Otherwise the failure says both things.
     */
    private void openReadOnly(ReadOnlyRoot e) throws IOException {
        String why = KbIndexException.reasonOf(e.getCause());
        problem = null;
        IndexGeneration reused = reopen(pendingFingerprint);
        if (reused == null) {
            String found = problem == null ? "holds no index of these guides" : "holds no usable index (" + problem + ")";
            throw new KbIndexException("cannot build the search index in " + root + ": " + e.getMessage() + "; and it "
                    + found, why + " and holds no usable index to serve; make it writable so the index can be built",
                    e.getCause());
        }
        Stats reopened = stats;
        stats = new Stats(reopened.sections(), 0, false, reopened.fingerprint(), reopened.folder(),
                reopened.verifyMillis(), null, why + " (" + e.getMessage() + ")");
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the search index is closed");
        }
    }

    private synchronized void swapIn(List<Section> sections, String fingerprint) throws IOException {
        long start = System.nanoTime();
        Path folder = newFolder();
        int count;
        IndexGeneration fresh;
        try {
            count = write(folder, sections, fingerprint, embedder);
            fresh = IndexGeneration.open(folder, fingerprint, Corrections.bundled(), NarrowTopics.bundled(), false,
                    embedder.dimension());
        } catch (IOException | RuntimeException e) {
            IndexGeneration.deleteQuietly(folder); // a failed build leaves nothing behind
            throw e;
        }
        try {
            pointTo(folder);
        } catch (IOException | RuntimeException e) {
            fresh.retire(true);
            throw e;
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        IndexGeneration old = current;
        current = fresh;
        stats = new Stats(count, millis, true, fingerprint, folder, 0, problem, null);
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

    private static int write(Path folder, List<Section> sections, String fingerprint, Embedder embedder) throws IOException {
        // one document per id: a duplicate id would leave a deleted document behind
        Map<String, Section> byId = new LinkedHashMap<>();
        for (Section s : sections) {
            byId.putIfAbsent(s.id(), s);
        }
        IndexWriterConfig config = new IndexWriterConfig(KbAnalyzers.indexing())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE);
        List<Section> unique = List.copyOf(byId.values());
        // the vectors are made with the index and live in it: a rebuild is the only way to change them
        List<float[]> vectors = embedder.embedPassages(unique.stream().map(SectionDocuments::passage).toList());
        try (Directory dir = FSDirectory.open(folder); IndexWriter writer = new IndexWriter(dir, config)) {
            for (int i = 0; i < unique.size(); i++) {
                Section s = unique.get(i);
                writer.updateDocument(new Term(KbFields.ID, s.id()), SectionDocuments.toDocument(s, vectors.get(i)));
            }
            writer.forceMerge(1); // a read-only index: one segment keeps doc ids and caches simple
            writer.setLiveCommitData(
                    Map.of(FINGERPRINT_KEY, fingerprint, SCHEMA_KEY, SCHEMA, EMBEDDER_KEY, embedder.id()).entrySet());
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

    /**
     * Reopens the folder {@code current} names when it holds a committed index of this fingerprint
     * and schema whose files all verify (checksums, as Lucene's {@code checkIntegrity}); null
     * otherwise, with {@link #problem} saying why when an index was there but could not be used.
     */
    private @Nullable IndexGeneration reopen(String fingerprint) throws IOException {
        Path pointer = root.resolve(POINTER);
        if (!Files.exists(pointer, LinkOption.NOFOLLOW_LINKS)) {
            return null; // first start
        }
        if (!Files.isRegularFile(pointer, LinkOption.NOFOLLOW_LINKS)) {
            // not ours to keep: it can only be replaced by the file that names the index in use
            problem = POINTER + " in " + root + " is a folder or link, not the file naming the index in use";
            IndexGeneration.deleteRecursively(pointer);
            return null;
        }
        String name = Files.readString(pointer, StandardCharsets.UTF_8).strip();
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            problem = POINTER + " in " + root + " does not name an index folder: '" + name + "'";
            return null;
        }
        Path folder = root.resolve(name);
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            problem = POINTER + " names " + name + ", which is not a folder in " + root;
            return null;
        }
        long start = System.nanoTime();
        try {
            try (Directory dir = FSDirectory.open(folder)) {
                if (!DirectoryReader.indexExists(dir)) {
                    problem = name + " in " + root + " holds no committed index";
                    return null;
                }
                Map<String, String> data = SegmentInfos.readLatestCommit(dir).getUserData();
                if (!fingerprint.equals(data.get(FINGERPRINT_KEY)) || !SCHEMA.equals(data.get(SCHEMA_KEY))
                        || !embedder.id().equals(data.get(EMBEDDER_KEY))) {
                    return null; // stale: built from other guides, by another version or with another model
                }
            }
            IndexGeneration gen = IndexGeneration.open(folder, fingerprint, Corrections.bundled(), NarrowTopics.bundled(), true,
                    embedder.dimension());
            current = gen;
            stats = new Stats(gen.size(), 0, false, fingerprint, folder, (System.nanoTime() - start) / 1_000_000, null, null);
            return gen;
        } catch (IOException | RuntimeException e) {
            problem = name + " in " + root + " is damaged (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
            return null;
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
