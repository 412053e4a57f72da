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
 * copy of the same advice. "How do I enable IOMMU on an Intel CPU?" (issue 7) is the exception the
 * bundled guides make: neither official guide as bundled has the section that says to add
 * {@code intel_iommu=on}, so the community how-to answers, with its unrelated
 * {@code intel_pstate=disable} struck through and never offered to copy (corrections.tsv).
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
        "what does iommu=pt do",
        "how can i check that iommu is enabled",
        "which vfio modules do i need to load",
        "how do i blacklist the nvidia driver on the host",
        "my gpu is in the same iommu group as other devices",
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
        List<SearchHit> hits = index.searcher().search(question, 10).hits();
        assertTrue(hits.get(0).commands().stream().anyMatch(c -> c.contains("intel_iommu=on")), () -> hits.get(0).commands().toString());
        for (SearchHit h : hits) {
            assertFalse(h.commands().stream().anyMatch(c -> c.contains("intel_pstate")), () -> h.citation().sectionId() + " " + h.commands());
            if (h.snippet().contains("intel_pstate=disable")) {
                assertTrue(h.snippet().contains("~~") && h.correction() != null, h::snippet);
            }
        }
    }
}
