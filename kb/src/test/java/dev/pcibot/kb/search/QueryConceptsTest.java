package dev.pcibot.kb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How a question is cut into concepts: synonyms, technical tokens, noise words, repeats. */
class QueryConceptsTest {

    @Test
    void aMultiWordSynonymIsOneConceptWithTheUsersWordsFirst() {
        List<Concept> concepts = QueryConcepts.of("graphics card");
        assertEquals(1, concepts.size(), concepts.toString());
        Concept c = concepts.get(0);
        assertEquals(List.of("graphic", "card"), c.alternatives().get(0));
        assertFalse(c.synonym().get(0));
        assertTrue(c.alternatives().contains(List.of("gpu")), c.alternatives().toString());
        assertTrue(c.synonym().get(c.alternatives().indexOf(List.of("gpu"))));
    }

    @Test
    void aTechnicalTokenIsOneConceptFoundExactlyOrAsAdjacentWords() {
        List<Concept> concepts = QueryConcepts.of("vfio-pci not loading");
        assertEquals("vfio-pci", concepts.get(0).surface());
        assertEquals(Set.of("vfio-pci"), concepts.get(0).exactTerms());
        assertEquals(List.of(List.of("vfio", "pci")), concepts.get(0).alternatives());
        assertEquals(List.of(List.of("load")), concepts.get(1).alternatives());
    }

    @Test
    void aTokenWhoseProsePartIsAStopWordKeepsItsExactForm() {
        List<Concept> concepts = QueryConcepts.of("intel_iommu=on");
        assertEquals(1, concepts.size());
        assertEquals(Set.of("intel_iommu=on"), concepts.get(0).exactTerms());
        assertEquals(List.of(List.of("intel_iommu")), concepts.get(0).alternatives());
    }

    @Test
    void aTokenOverlappingASynonymKeepsTheSynonyms() {
        Concept vtd = QueryConcepts.of("vt-d").get(0);
        assertEquals(Set.of("vt-d"), vtd.exactTerms());
        assertTrue(vtd.alternatives().contains(List.of("iommu")), vtd.alternatives().toString());
    }

    @Test
    void noiseWordsAndRepeatsAreDropped() {
        List<Concept> concepts = QueryConcepts.of("hey guys how do i check my iommu groups, iommu group not working pls");
        assertEquals(List.of("check", "iommu", "groups"), concepts.stream().map(Concept::surface).toList());
    }

    @Test
    void numbersAreMarked() {
        assertTrue(QueryConcepts.of("14").get(0).numeric());
        assertFalse(QueryConcepts.of("code 43").get(0).numeric(), "code 43 is a phrase, not a number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"how do i", "is it", "???", "+-&|!(){}[]^\"~*?:\\/"})
    void questionsWithoutTopicHaveNoConcepts(String q) {
        assertTrue(QueryConcepts.of(q).isEmpty(), QueryConcepts.of(q).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"vfio-pci", "iommu=pt", "10de:1b80", "/etc/modules", "0000:01:00.0", "k80", "x-vga=on"})
    void technical(String token) {
        assertTrue(QueryConcepts.technical(token));
    }

    @ParameterizedTest
    @ValueSource(strings = {"gpu", "43", "on", "-", "a.", "::"})
    void notTechnical(String token) {
        assertFalse(QueryConcepts.technical(token));
    }

    @Test
    void synonymsAreTrimmedBeforeTheQueryGrowsPastLucenesClauseLimit() {
        List<Concept> many = new java.util.ArrayList<>();
        for (int i = 0; i < QueryConcepts.MAX_CONCEPTS; i++) {
            List<List<String>> alternatives = new java.util.ArrayList<>();
            List<Boolean> synonym = new java.util.ArrayList<>();
            for (int a = 0; a < 16; a++) {
                alternatives.add(List.of("w" + i + "a" + a));
                synonym.add(a > 0);
            }
            many.add(new Concept("w" + i, alternatives, synonym, Set.of(), false));
        }
        List<Concept> kept = QueryConcepts.withinBudget(many);
        assertEquals(many.size(), kept.size());
        int total = kept.stream().mapToInt(c -> c.alternatives().size()).sum();
        assertTrue(total <= QueryConcepts.MAX_ALTERNATIVES + QueryConcepts.MAX_CONCEPTS, "alternatives " + total);
        assertTrue(total * 3 + QueryConcepts.MAX_CONCEPTS < 1024, "clauses");
        assertTrue(kept.stream().allMatch(c -> c.alternatives().get(0).equals(List.of(c.surface() + "a0"))), "own words always stay");
    }

    @Test
    void aQuestionNamingEverySynonymGroupStillSearches() {
        String q = "gpu iommu kernel parameter nic hba passthrough bios vbios blacklist msi resizable bar black screen vm audio "
                + "usb controller nvme windows cli enable verify fix disk web console fake bind igpu code 43 ovmf csm initramfs";
        List<Concept> concepts = QueryConcepts.of(q);
        assertTrue(concepts.stream().mapToInt(c -> c.alternatives().size()).sum() <= QueryConcepts.MAX_ALTERNATIVES + QueryConcepts.MAX_CONCEPTS);
    }
}
