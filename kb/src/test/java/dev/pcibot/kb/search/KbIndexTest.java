package dev.pcibot.kb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pcibot.ingest.Section;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The on-disk index: build, reuse, staleness, atomic swap under running searches. */
class KbIndexTest {
    @TempDir
    Path root;

    private static List<String> indexFolders(Path root) throws Exception {
        try (Stream<Path> s = Files.list(root)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("index-")).sorted().toList();
        }
    }

    @Test
    void buildsWhenMissingAndReusesWhenTheFingerprintMatches() throws Exception {
        List<Section> sections = TestSections.corpus();
        Path folder;
        try (KbIndex index = KbIndex.open(root, sections, "fp-1")) {
            KbIndex.Stats stats = index.stats();
            assertTrue(stats.built());
            assertEquals(sections.size(), stats.sections());
            assertEquals("fp-1", stats.fingerprint());
            folder = stats.folder();
            assertEquals(folder.getFileName().toString(), Files.readString(root.resolve(KbIndex.POINTER)));
            assertTrue(index.searcher().search("interrupt remapping", 3).answered());
        }
        try (KbIndex index = KbIndex.open(root, List.of(), "fp-1")) {
            // same fingerprint: the sections passed are not even looked at
            assertFalse(index.stats().built());
            assertEquals(0, index.stats().buildMillis());
            assertEquals(folder, index.stats().folder());
            assertEquals(sections.size(), index.stats().sections());
            assertTrue(index.searcher().search("interrupt remapping", 3).answered());
        }
    }

    @Test
    void rebuildsWhenStaleAndRemovesTheOldFolder() throws Exception {
        Path first;
        try (KbIndex index = KbIndex.open(root, TestSections.corpus(), "fp-1")) {
            first = index.stats().folder();
        }
        List<Section> fewer = TestSections.corpus().subList(0, 3);
        try (KbIndex index = KbIndex.open(root, fewer, "fp-2")) {
            assertTrue(index.stats().built());
            assertEquals(3, index.stats().sections());
            assertNotEquals(first, index.stats().folder());
            assertFalse(Files.exists(first), "the stale folder is removed");
            assertEquals(List.of(index.stats().folder().getFileName().toString()), indexFolders(root));
            assertFalse(index.searcher().search("interrupt remapping", 3).answered(), "the new index has no remapping section");
        }
    }

    @Test
    void aCorruptOrDanglingPointerMeansRebuild() throws Exception {
        try (KbIndex index = KbIndex.open(root, TestSections.corpus(), "fp-1")) {
            assertTrue(index.stats().built());
        }
        Files.writeString(root.resolve(KbIndex.POINTER), "../../etc");
        try (KbIndex index = KbIndex.open(root, TestSections.corpus(), "fp-1")) {
            assertTrue(index.stats().built());
        }
        Files.writeString(root.resolve(KbIndex.POINTER), "index-does-not-exist");
        try (KbIndex index = KbIndex.open(root, TestSections.corpus(), "fp-1")) {
            assertTrue(index.stats().built());
        }
    }

    @Test
    void aHalfWrittenBuildIsIgnoredAndCleanedUp() throws Exception {
        Path current;
        try (KbIndex index = KbIndex.open(root, TestSections.corpus(), "fp-1")) {
            current = index.stats().folder();
        }
        // what a crash mid-build leaves: a folder the pointer does not name, a temp pointer
        Path partial = root.resolve("index-999-0");
        Files.createDirectories(partial);
        Files.writeString(partial.resolve("_0.fdt"), "garbage");
        Files.writeString(root.resolve(KbIndex.POINTER + ".tmp"), "index-999-0");
        try (KbIndex index = KbIndex.open(root, TestSections.corpus(), "fp-1")) {
            assertFalse(index.stats().built());
            assertEquals(current, index.stats().folder());
            assertFalse(Files.exists(partial));
            assertFalse(Files.exists(root.resolve(KbIndex.POINTER + ".tmp")));
        }
    }

    @Test
    void rebuildSwapsWhileSearchesContinue() throws Exception {
        List<Section> full = TestSections.corpus();
        List<Section> other = full.subList(0, 4);
        try (KbIndex index = KbIndex.open(root, full, "fp-1")) {
            KbSearcher searcher = index.searcher();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger searches = new AtomicInteger();
            ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
            CountDownLatch started = new CountDownLatch(2);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                Thread thread = new Thread(() -> {
                    started.countDown();
                    while (!stop.get()) {
                        try {
                            SearchResult r = searcher.search("iommu passthrough mode iommu=pt", 3);
                            if (!r.answered()) {
                                throw new AssertionError("the iommu=pt section is in every generation");
                            }
                            searches.incrementAndGet();
                        } catch (Throwable e) {
                            errors.add(e);
                        }
                    }
                });
                thread.start();
                threads.add(thread);
            }
            started.await();
            Path before = index.stats().folder();
            for (int i = 0; i < 5; i++) {
                index.rebuild(i % 2 == 0 ? other : full, "fp-" + (i + 2));
            }
            stop.set(true);
            for (Thread thread : threads) {
                thread.join();
            }
            assertTrue(errors.isEmpty(), () -> "search failed during rebuild: " + errors.peek());
            assertTrue(searches.get() > 0);
            assertEquals("fp-6", index.stats().fingerprint());
            assertEquals(other.size(), index.stats().sections());
            assertFalse(Files.exists(before), "retired folders are deleted once released");
            assertEquals(List.of(index.stats().folder().getFileName().toString()), indexFolders(root));
            assertEquals(index.stats().folder().getFileName().toString(), Files.readString(root.resolve(KbIndex.POINTER)));
        }
    }

    @Test
    void aTruncatedSegmentFileIsFoundAtOpenAndRebuiltWithTheReason() throws Exception {
        Path broken;
        try (KbIndex index = KbIndex.open(root, TestSections.corpus(), "fp-1")) {
            broken = index.stats().folder();
        }
        // what a full disk or a killed copy leaves: the largest segment file cut in half
        Path segmentFile;
        try (Stream<Path> files = Files.list(broken)) {
            segmentFile = files.filter(p -> !p.getFileName().toString().startsWith("segments")
                            && !p.getFileName().toString().equals("write.lock"))
                    .max(java.util.Comparator.comparingLong(p -> p.toFile().length())).orElseThrow();
        }
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(segmentFile,
                java.nio.file.StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() / 2);
        }
        try (KbIndex index = KbIndex.open(root, TestSections.corpus(), "fp-1")) {
            assertTrue(index.stats().built(), "a corrupt index is rebuilt, not reused");
            assertTrue(index.stats().rebuiltBecause() != null && index.stats().rebuiltBecause().contains(broken.getFileName().toString()),
                    String.valueOf(index.stats().rebuiltBecause()));
            assertTrue(index.searcher().search("interrupt remapping", 3).answered());
            assertEquals(List.of(index.stats().folder().getFileName().toString()), indexFolders(root));
        }
        try (KbIndex index = KbIndex.open(root, TestSections.corpus(), "fp-1")) {
            assertFalse(index.stats().built(), "the rebuilt index is sound and reused");
            assertEquals(null, index.stats().rebuiltBecause());
        }
    }

    @Test
    void aPointerThatIsAFolderIsReplacedOnceAndNoBuildIsLeftBehind() throws Exception {
        Files.createDirectories(root.resolve(KbIndex.POINTER).resolve("something"));
        for (int i = 0; i < 20; i++) {
            try (KbIndex index = KbIndex.open(root, TestSections.corpus(), "fp-1")) {
                assertEquals(i == 0, index.stats().built(), "built once, then reused (open " + i + ")");
                assertTrue(index.searcher().search("interrupt remapping", 3).answered());
                if (i == 0) {
                    assertTrue(String.valueOf(index.stats().rebuiltBecause()).contains("is a folder"),
                            String.valueOf(index.stats().rebuiltBecause()));
                }
            }
        }
        assertTrue(Files.isRegularFile(root.resolve(KbIndex.POINTER)));
        assertEquals(1, indexFolders(root).size(), indexFolders(root).toString());
    }

    @Test
    void aDeferredIndexOnAnUnusableRootFailsEachUseWithoutPathsAndOpensOnceTheRootIsFixed() throws Exception {
        Path file = root.resolve("data");
        Files.writeString(file, "x");
        List<KbIndexException> reported = new ArrayList<>();
        try (KbIndex index = KbIndex.deferred(file.resolve("index"), TestSections.corpus(), "fp-1",
                java.time.Duration.ZERO, s -> {}, reported::add)) {
            KbIndexException e = assertThrows(KbIndexException.class, () -> index.searcher().search("iommu", 3));
            assertFalse(e.reason().contains(root.toString()), e.reason());
            assertTrue(e.getMessage().contains(file.toString()), "the log message names the folder: " + e.getMessage());
            assertFalse(index.available());
            assertEquals(2, reported.size(), "each failed attempt reported once");
            Files.delete(file);
            assertTrue(index.available(), "the next attempt opens it");
            assertTrue(index.searcher().search("interrupt remapping", 3).answered());
            assertEquals(2, reported.size());
        }
    }

    @Test
    void aDeferredIndexTriesAgainOnlyOncePerRetryInterval() throws Exception {
        Path file = root.resolve("data");
        Files.writeString(file, "x");
        List<KbIndexException> reported = new ArrayList<>();
        try (KbIndex index = KbIndex.deferred(file.resolve("index"), TestSections.corpus(), "fp-1",
                java.time.Duration.ofHours(1), s -> {}, reported::add)) {
            for (int i = 0; i < 20; i++) {
                assertThrows(KbIndexException.class, () -> index.searcher().search("iommu", 3));
            }
            assertEquals(1, reported.size(), "one attempt, one report, in the interval");
        }
    }

    @Test
    void anEmptyGuideListGivesAnEmptyIndexThatAnswersNothing() {
        try (KbIndex index = KbIndex.open(root, List.of(), "empty")) {
            assertEquals(0, index.stats().sections());
            SearchResult r = index.searcher().search("iommu", 5);
            assertFalse(r.answered());
            assertTrue(r.hits().isEmpty());
            assertTrue(index.searcher().suggestTitles("", 25).isEmpty());
        }
    }

    @Test
    void aClosedIndexSaysSo() {
        KbIndex index = KbIndex.open(root, TestSections.corpus(), "fp-1");
        KbSearcher searcher = index.searcher();
        index.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> searcher.search("iommu", 3));
        assertTrue(e.getMessage().contains("closed"));
    }

    @Test
    void anUnwritableRootIsAClearError() throws Exception {
        Path file = root.resolve("not-a-folder");
        Files.writeString(file, "x");
        KbIndexException e = assertThrows(KbIndexException.class, () -> KbIndex.open(file, TestSections.corpus(), "fp"));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void twoIndexesOpeningOneRootAtOnceBothWork() throws Exception {
        List<Section> sections = TestSections.corpus();
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<KbIndex> opened = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            String fingerprint = "fp-" + t;
            Thread thread = new Thread(() -> {
                try {
                    opened.add(KbIndex.open(root, sections, fingerprint));
                } catch (Throwable e) {
                    errors.add(e);
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertTrue(errors.isEmpty(), () -> "open failed: " + errors.peek());
        for (KbIndex index : opened) {
            assertTrue(index.searcher().search("interrupt remapping", 3).answered());
            index.close();
        }
        // whichever came last is the one the pointer names
        String current = Files.readString(root.resolve(KbIndex.POINTER));
        assertTrue(Files.isDirectory(root.resolve(current)));
    }
}
