package dev.pcibot.kb.search;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the admin guide or the wiki covers a question, its section comes before a community guide's
 * copy of the same advice (issue 7: "How do I enable IOMMU on an Intel CPU?" was answered from the
 * community how-to, which adds an unrelated {@code intel_pstate=disable}).
 */
final class OfficialFirstTest {
    @TempDir
    static Path root;
    static KbIndex index;

    @BeforeAll
    static void open() {
        index = KbIndex.open(root, BundledGuides.SECTIONS, BundledGuides.FINGERPRINT);
    }

    @AfterAll
    static void close() {
        index.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "How do I enable IOMMU on an Intel CPU?",
        "how do i turn on iommu on my intel cpu",
        "enable iommu amd",
    })
    void theOfficialSectionComesFirst(String question) {
        List<SearchHit> hits = index.searcher().search(question, 3).hits();
        assertFalse(hits.isEmpty(), question);
        SearchHit first = hits.get(0);
        assertTrue(first.authority().startsWith("OFFICIAL"),
                () -> question + " -> " + hits.stream().map(h -> h.authority() + " " + h.citation().sectionId()).toList());
        assertFalse(first.commands().stream().anyMatch(c -> c.contains("intel_pstate")), () -> first.commands().toString());
        assertFalse(first.snippet().contains("intel_pstate"), first::snippet);
    }

    @ParameterizedTest
    @ValueSource(strings = {"How do I enable IOMMU on an Intel CPU?", "how do i turn on iommu on my intel cpu"})
    void theUnrelatedIntelPstateParameterIsNeverOfferedToCopy(String question) {
        for (SearchHit h : index.searcher().search(question, 10).hits()) {
            assertFalse(h.commands().stream().anyMatch(c -> c.contains("intel_pstate")), () -> h.citation().sectionId() + " " + h.commands());
            if (h.snippet().contains("intel_pstate=disable")) {
                assertTrue(h.snippet().contains("~~") && h.correction() != null, h::snippet);
            }
        }
    }
}
