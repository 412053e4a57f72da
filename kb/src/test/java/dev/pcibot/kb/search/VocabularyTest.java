package dev.pcibot.kb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spelling correction against the words of the index. */
class VocabularyTest {
    @TempDir
    Path root;

    @Test
    void correctsSlipsButNotOtherWordsOrForms() {
        try (KbIndex index = KbIndex.open(root, TestSections.corpus(), "v")) {
            IndexGeneration gen = index.acquire();
            try {
                Vocabulary v = gen.vocabulary();
                assertTrue(v.size() > 100);
                assertEquals(Optional.of("interrupt"), v.correct("interupt"), "a dropped letter");
                assertEquals(Optional.of("remap"), v.correct("remmap"), "a doubled letter");
                assertEquals(Optional.of("interrupt"), v.correct("intreruptt"), "two slips in a long word");
                assertEquals(Optional.empty(), v.correct("docker"), "nothing close");
                assertEquals(Optional.empty(), v.correct("grab"), "short words are left alone");
                assertEquals(Optional.empty(), v.correct("interrupt"), "known words are left alone");
                assertEquals(Optional.empty(), v.correct("driv"), "a shorter form of a word is not a typo");
                assertEquals(Optional.empty(), v.correct("x2apic9"), "tokens with digits are left alone");
            } finally {
                gen.decRef();
            }
        }
    }

    @Test
    void distanceCountsTranspositionsOnce() {
        assertEquals(1, Vocabulary.distance("iommu", "imomu", 2));
        assertEquals(1, Vocabulary.distance("group", "grup", 2));
        assertEquals(2, Vocabulary.distance("seperate", "separete", 2));
        assertEquals(3, Vocabulary.distance("abcdef", "uvwxyz", 2), "gives up past the limit");
    }
}
