package dev.pcibot.bot;

import dev.pcibot.ingest.Guide;
import dev.pcibot.ingest.GuideLibrary;
import dev.pcibot.kb.Answerer;
import dev.pcibot.kb.diagnose.Diagnoser;
import dev.pcibot.kb.search.KbIndex;
import dev.pcibot.kb.search.KbIndexException;
import dev.pcibot.kb.search.KbSearcher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The knowledge base one process serves: the guides (bundled plus the user's folder), their index
 * on disk, and the search, diagnosis and answers built over it. Framework-free, so the service
 * ({@link CoreFactory}) and the command line open it the same way and share the on-disk index.
 *
 * <pre>
 * try (KnowledgeBase kb = KnowledgeBase.open(Path.of("data/index"), null)) {
 *     kb.searcher().search("intel_iommu=on", 5);
 * }
 * </pre>
 */
public final class KnowledgeBase implements AutoCloseable {
    private final @Nullable Path userGuides;
    private final KbIndex index;
    private final SearchCitations citations;
    private final Diagnoser diagnoser;
    private final Answerer answerer;
    private volatile Loaded loaded;

    /** What the index was last built or reopened from. */
    private record Loaded(String fingerprint, List<Guide> guides, List<String> warnings) {
        static Loaded of(GuideLibrary library) {
            return new Loaded(library.fingerprint(), library.guides(), library.warnings());
        }
    }

    /**
     * What a check of the user's folder found changed.
     *
     * @param rebuilt whether the index was rebuilt (false when only the skipped files changed)
     * @param added guides now indexed that were not before (titles)
     * @param removed guides no longer indexed (titles)
     * @param sections sections in the new index
     * @param millis time to read the guides and build the new index
     * @param warnings user files skipped, and why
     */
    public record Reload(boolean rebuilt, List<String> added, List<String> removed, int sections, long millis, List<String> warnings) {}

    private KnowledgeBase(@Nullable Path userGuides, KbIndex index, GuideLibrary library) {
        this.userGuides = userGuides;
        this.index = index;
        this.loaded = Loaded.of(library);
        KbSearcher searcher = index.searcher();
        this.citations = new SearchCitations(searcher);
        this.diagnoser = new Diagnoser(citations);
        this.answerer = new Answerer(searcher, diagnoser);
    }

    /** What a service wants to hear about a knowledge base opened with {@link #openDeferred}. */
    public interface Events {
        /** The index opened (built or reused); {@link KbIndex.Stats#rebuiltBecause()} says if one was damaged. */
        void opened(KnowledgeBase kb, KbIndex.Stats stats);

        /** An attempt to open it failed; called once per attempt, at most once per retry interval. */
        void failed(KbIndexException e);
    }

    /**
     * The knowledge base of a service: returns at once and opens the index on first use, so the
     * service starts, and says why (503), while its data folder is unusable; it tries again at most
     * once per {@code retryInterval}.
     */
    public static KnowledgeBase openDeferred(Path indexRoot, @Nullable Path userGuides, Duration retryInterval, Events events) {
        GuideLibrary library = GuideLibrary.load(userGuides);
        KnowledgeBase[] self = new KnowledgeBase[1];
        KbIndex index = KbIndex.deferred(indexRoot, library.sections(), library.fingerprint(), retryInterval,
                stats -> events.opened(self[0], stats), events::failed);
        self[0] = new KnowledgeBase(userGuides, index, library);
        return self[0];
    }

    /**
     * Opens the index under {@code indexRoot}, building it first when it is missing or was built from
     * other guides.
     *
     * @param userGuides a folder of extra guides, or null for the bundled ones only
     */
    public static KnowledgeBase open(Path indexRoot, @Nullable Path userGuides) {
        GuideLibrary library = GuideLibrary.load(userGuides);
        KbIndex index = KbIndex.open(indexRoot, library.sections(), library.fingerprint());
        try {
            return new KnowledgeBase(userGuides, index, library);
        } catch (RuntimeException e) {
            index.close(); // e.g. unreadable finding texts: do not leave the index folder open
            throw e;
        }
    }

    public KbSearcher searcher() {
        return index.searcher();
    }

    public Diagnoser diagnoser() {
        return diagnoser;
    }

    public Answerer answerer() {
        return answerer;
    }

    /** What the index holds; opens it first when it is not yet ({@link KbIndexException} when it cannot). */
    public KbIndex.Stats stats() {
        return index.stats();
    }

    /** Whether the index is open, trying to open it first when it is not (at most once per retry interval). */
    public boolean available() {
        return index.available();
    }

    /** Why the index is not available, or null when it is open. */
    public @Nullable KbIndexException failure() {
        return index.failure();
    }

    /** Guides indexed now. */
    public List<Guide> guides() {
        return loaded.guides();
    }

    /** User files skipped at the last load, and why. */
    public List<String> warnings() {
        return loaded.warnings();
    }

    public @Nullable Path userGuides() {
        return userGuides;
    }

    /**
     * Reads the user's folder again and, when a guide in it changed, builds a new index beside the
     * current one and swaps it in; searches keep running on the old one meanwhile. A file that is
     * skipped (binary, unreadable) does not change the index, but does change {@link #warnings()},
     * so it is reported once. Empty when nothing changed. One reload at a time.
     */
    public synchronized Optional<Reload> reloadIfChanged() {
        long start = System.nanoTime();
        GuideLibrary library = GuideLibrary.load(userGuides);
        Loaded before = loaded;
        if (library.fingerprint().equals(before.fingerprint())) {
            if (library.warnings().equals(before.warnings())) {
                return Optional.empty();
            }
            loaded = Loaded.of(library);
            return Optional.of(new Reload(false, List.of(), List.of(), library.sections().size(),
                    (System.nanoTime() - start) / 1_000_000, library.warnings()));
        }
        index.rebuild(library.sections(), library.fingerprint());
        loaded = Loaded.of(library);
        citations.clear();
        long millis = (System.nanoTime() - start) / 1_000_000;
        return Optional.of(new Reload(true, titlesNotIn(library.guides(), before.guides()),
                titlesNotIn(before.guides(), library.guides()), library.sections().size(), millis,
                library.warnings()));
    }

    private static List<String> titlesNotIn(List<Guide> these, List<Guide> others) {
        Set<String> otherFiles = others.stream().map(g -> g.id() + "\t" + g.file()).collect(Collectors.toSet());
        List<String> out = new ArrayList<>();
        for (Guide g : these) {
            if (!otherFiles.contains(g.id() + "\t" + g.file())) {
                out.add(g.title() + " (" + g.file() + ")");
            }
        }
        return out;
    }

    @Override
    public void close() {
        index.close();
    }
}
