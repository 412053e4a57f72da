package dev.pcibot.kb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Index folders damaged the ways disks and people damage them (garbage over the segment files, the
 * commit point {@code segments_N} deleted): the next open says which folder and why, builds a sound
 * index in its place and answers. The truncated-file case is in {@link KbIndexTest}.
 */
final class KbIndexDamageTest {
    @TempDir
    Path root;

    @Test
    void garbageOverEverySegmentFileIsFoundAndRebuilt() throws IOException {
        Path folder = built();
        Random random = new Random(11);
        for (Path file : files(folder)) {
            if (!file.getFileName().toString().equals("write.lock")) {
                byte[] garbage = new byte[(int) Files.size(file)];
                random.nextBytes(garbage);
                Files.write(file, garbage);
            }
        }
        assertRebuiltBecause(folder, "is damaged");
    }

    @Test
    void aMissingCommitPointIsFoundAndRebuilt() throws IOException {
        Path folder = built();
        for (Path file : files(folder)) {
            if (file.getFileName().toString().startsWith("segments_")) {
                Files.delete(file);
            }
        }
        assertRebuiltBecause(folder, "holds no committed index");
    }

    @Test
    void anEmptiedIndexFolderIsFoundAndRebuilt() throws IOException {
        Path folder = built();
        for (Path file : files(folder)) {
            Files.delete(file);
        }
        assertRebuiltBecause(folder, "holds no committed index");
    }

    private Path built() {
        try (KbIndex index = KbIndex.open(root, TestSections.corpus(), "fp-1")) {
            return index.stats().folder();
        }
    }

    private void assertRebuiltBecause(Path damaged, String why) {
        try (KbIndex index = KbIndex.open(root, TestSections.corpus(), "fp-1")) {
            String because = String.valueOf(index.stats().rebuiltBecause());
            assertTrue(index.stats().built(), "rebuilt, not reused");
            assertTrue(because.contains(damaged.getFileName().toString()) && because.contains(why), because);
            assertTrue(index.searcher().search("interrupt remapping", 3).answered());
            assertFalse(Files.exists(damaged), "the damaged folder is removed");
        }
        try (KbIndex index = KbIndex.open(root, TestSections.corpus(), "fp-1")) {
            assertFalse(index.stats().built(), "the rebuilt index is sound and reused");
            assertEquals(null, index.stats().rebuiltBecause());
        }
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }
}
