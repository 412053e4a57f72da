package dev.pcibot.kb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Search behaviour on a small corpus of real guide text: ranking, collapse, corrections, snippets, bad input. */
class KbSearcherTest {
    @TempDir
    static Path root;
    static KbIndex index;
    static KbSearcher searcher;

    @BeforeAll
    static void open() {
        index = KbIndex.open(root, TestSections.corpus(), "test");
        searcher = index.searcher();
    }

    @AfterAll
    static void close() {
        index.close();
    }

    private String top(String query) {
        SearchResult r = searcher.search(query, 5);
        assertTrue(r.answered(), () -> "no answer for " + query);
        return r.hits().get(0).citation().sectionId();
    }

    @Test
    void remappingFindsRemapAndTheWikiPairCollapsesIntoTheMarkdownClip() {
        SearchResult r = searcher.search("how do i check if irq remap works", 5);
        assertTrue(r.answered());
        SearchHit hit = r.hits().get(0);
        assertEquals("pve-wiki/verify-iommu-interrupt-remapping-is-enabled", hit.citation().sectionId());
        assertEquals(List.of("pve-wiki-dump/verify-iommu-interrupt-remapping-is-enabled"),
                hit.alsoIn().stream().map(Citation::sectionId).toList());
        assertTrue(r.hits().stream().noneMatch(h -> h.citation().sectionId().startsWith("pve-wiki-dump/verify-iommu-interrupt")),
                "the dump never shows up as a hit of its own");
        assertEquals("OFFICIAL_WIKI", hit.authority());
    }

    @Test
    void technicalTokensMatchWhole() {
        assertEquals("pve-admin-guide/iommu-passthrough-mode", top("iommu=pt"));
        assertEquals("complete-guide/gpu-passthrough/identify-gpu", top("10de:1b80"));
        assertEquals("pve-wiki/verify-iommu-interrupt-remapping-is-enabled", top("DMAR-IR"));
        assertEquals("pve-admin-guide/host-device-passthrough/host-configuration", top("vfio-pci ids="));
    }

    @Test
    void synonymsFromTheDataFile() {
        // "vt-d" is never written in the remapping sections' neighbours; the synonym file maps it to IOMMU/DMAR
        assertEquals("pve-wiki/verify-iommu-is-enabled", top("is vt-d enabled"));
        assertEquals("pve-wiki/error-43", top("windows error code 43 on my graphics card"));
    }

    @Test
    void headingsWeighMore() {
        // "passthrough mode" is in the title of one section and in the text of others
        assertEquals("pve-admin-guide/iommu-passthrough-mode", top("passthrough mode"));
    }

    @Test
    void typosAreForgiven() {
        assertEquals("pve-wiki/verify-iommu-interrupt-remapping-is-enabled", top("interupt remaping"));
    }

    @Test
    void matchedWordsAreHighlightedAndCommandsStayCommands() {
        SearchHit hit = searcher.search("allow_unsafe_interrupts", 3).hits().get(0);
        assertTrue(hit.snippet().contains("**allow_unsafe_interrupts=1**") || hit.snippet().contains("**allow_unsafe_interrupts**"),
                hit.snippet());
        assertTrue(hit.commands().contains(
                "echo \"options vfio_iommu_type1 allow_unsafe_interrupts=1\" > /etc/modprobe.d/iommu_unsafe_interrupts.conf"));
        SearchHit remap = searcher.search("interrupt remapping", 3).hits().get(0);
        assertTrue(remap.snippet().contains("**interrupt**") || remap.snippet().contains("**Interrupt**"), remap.snippet());
        assertTrue(remap.snippet().contains("**remapping**"), remap.snippet());
    }

    @Test
    void knownCommunityErrorsComeWithTheOfficialCorrection() {
        SearchResult r = searcher.search("devices in same iommu group acs override", 5);
        SearchHit wrong = r.hits().stream()
                .filter(h -> h.citation().sectionId().equals("complete-guide/troubleshooting/device-not-available"))
                .findFirst().orElseThrow(() -> new AssertionError(r.toString()));
        assertNotNull(wrong.correction());
        assertTrue(wrong.correction().contains("pcie_acs_override=downstream"), wrong.correction());
        assertTrue(wrong.commands().stream().noneMatch(c -> c.contains("pci_ids")), "the wrong command is not offered to copy");
        assertTrue(wrong.snippet().contains("~~") || !wrong.snippet().contains("pci_ids"), wrong.snippet());
        assertFalse(wrong.snippet().contains("**options pci_ids"), wrong.snippet());
        SearchHit official = searcher.search("iommu=pt", 1).hits().get(0);
        assertNull(official.correction());
    }

    @ParameterizedTest
    @ValueSource(strings = {"how do I bake bread", "asdf qwer zxcv", "docker networking", "how to set up docker compose networks",
        "best pizza in town", "kubernetes ingress controller tls", "how do i"})
    void offTopicQuestionsGetNoAnswer(String question) {
        SearchResult r = searcher.search(question, 5);
        assertFalse(r.answered(), () -> question + " -> " + r.hits());
        assertTrue(r.hits().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n\t", "\u0000\u0001\u0007"})
    void emptyQueriesAreRefused(String q) {
        InvalidQueryException e = assertThrows(InvalidQueryException.class, () -> searcher.search(q, 5));
        assertTrue(e.getMessage().toLowerCase().contains("empty"), e.getMessage());
    }

    @Test
    void nullIsRefusedLikeEmpty() {
        assertThrows(InvalidQueryException.class, () -> searcher.search(null, 5));
    }

    @Test
    void overlongQueriesAreRefusedWithTheLimit() {
        String longQuery = "iommu ".repeat(3334).substring(0, 20_000);
        InvalidQueryException e = assertThrows(InvalidQueryException.class, () -> searcher.search(longQuery, 5));
        assertTrue(e.getMessage().contains("1000"), e.getMessage());
        assertTrue(e.getMessage().contains("20000"), e.getMessage());
        assertTrue(searcher.search("iommu ".repeat(80).strip(), 5).answered(), "480 characters are fine");
        assertTrue(searcher.search("vfio-pci group 13 is not viable ".repeat(28).strip(), 5).answered(),
                "a 900-character question quoting its error is searched, not refused");
    }

    @ParameterizedTest
    @ValueSource(strings = {"?!?", "+-&|!(){}[]^\"~*?:\\/", "...", "— – …"})
    void punctuationOnlyIsRefused(String q) {
        InvalidQueryException e = assertThrows(InvalidQueryException.class, () -> searcher.search(q, 5));
        assertTrue(e.getMessage().contains("no words"), e.getMessage());
    }

    @Test
    void controlCharactersAreStripped() {
        SearchResult r = searcher.search("interrupt\u0000 remap\u001b[0mping\u200b", 3);
        assertEquals("interrupt remap[0mping", r.query());
        SearchResult clean = searcher.search("\u0007iommu=pt\r\n", 3);
        assertEquals("iommu=pt", clean.query());
        assertTrue(clean.answered());
    }

    @Test
    void limitIsClamped() {
        assertEquals(1, searcher.search("iommu", 0).hits().size());
        assertTrue(searcher.search("iommu", 1000).hits().size() <= KbSearcher.MAX_LIMIT);
    }

    static Stream<String> randomQueries() {
        Random random = new Random(42);
        String alphabet = "+-&|!(){}[]^\"~*?:\\/ abcdefghijklmnopqrstuvwxyz0123456789=_.,'`<>#@$%\t\u0000é€";
        return IntStream.range(0, 200).mapToObj(i -> {
            int len = 1 + random.nextInt(60);
            StringBuilder b = new StringBuilder();
            for (int c = 0; c < len; c++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            return b.toString();
        });
    }

    @ParameterizedTest
    @MethodSource("randomQueries")
    void querySyntaxInUserTextNeverThrows(String q) {
        try {
            SearchResult r = searcher.search(q, 5);
            assertNotNull(r.query());
            assertEquals(r.answered(), !r.hits().isEmpty());
        } catch (InvalidQueryException e) {
            assertFalse(e.getMessage().isBlank());
        }
    }

    @Test
    void suggestTitlesForAutocomplete() {
        assertEquals(List.of("Verify IOMMU is enabled", "Verify IOMMU interrupt remapping is enabled"),
                searcher.suggestTitles("verify", 25));
        assertEquals(List.of("Error 43"), searcher.suggestTitles("43", 25), "a word inside the title; the dump's copy is not repeated");
        assertTrue(searcher.suggestTitles("IOMMU", 25).get(0).startsWith("IOMMU"), "titles starting with the text come first");
        assertEquals(2, searcher.suggestTitles("", 2).size());
        assertTrue(searcher.suggestTitles("", 500).size() <= KbSearcher.MAX_SUGGESTIONS);
        assertTrue(searcher.suggestTitles("zzzz", 25).isEmpty());
        assertTrue(searcher.suggestTitles(null, 5).size() <= 5);
    }

    @Test
    void sectionById() {
        SearchHit hit = searcher.section("pve-wiki/error-43").orElseThrow();
        assertEquals("Error 43", hit.citation().headingPath().get(0));
        assertEquals(List.of("pve-wiki-dump/error-43"), hit.alsoIn().stream().map(Citation::sectionId).toList());
        assertTrue(hit.snippet().startsWith("Error code 43"), hit.snippet());
        assertTrue(searcher.section("no/such/section").isEmpty());
        assertTrue(searcher.section("").isEmpty());
        SearchHit wrong = searcher.section("complete-guide/troubleshooting/device-not-available").orElseThrow();
        assertNotNull(wrong.correction());
    }
}
