package dev.pcibot.kb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The narrow topics (content/search/narrow-topics.tsv) on the real bundled guides: a question about
 * the host's IOMMU gets the host set-up, not the admin guide's vIOMMU (IOMMU emulated inside a VM)
 * sections, which share its words; a question about nested passthrough still gets them first.
 */
class NarrowTopicsTest {
    static final String VIOMMU = "pve-admin-guide/pci-e-passthrough/viommu-emulated-iommu";
    /** Enabling the IOMMU on an Intel host, and checking that it is on. */
    static final Set<String> HOST_SET_UP = Set.of(
            "community-howto/sbsg/s2stba/for-intel-cpus",
            "community-howto/sbsg/s2stba/intel-cpus-systemd-zfs",
            "complete-guide/enable-iommu/configure-grub",
            "pve-wiki/verifying-iommu-parameters/verify-iommu-is-enabled",
            "pve-wiki-dump/verifying-iommu-parameters/verify-iommu-is-enabled");

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

    static String top(String question) {
        SearchResult r = index.searcher().search(question, 5);
        assertTrue(r.answered(), () -> "no answer for " + question);
        return r.hits().get(0).citation().sectionId();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "How do I enable IOMMU on an Intel CPU?",
        "how do i turn on iommu on my intel cpu",
        "enable vt-d intel_iommu on host",
    })
    void hostIommuQuestionsGetTheHostSetUpNotVIommu(String question) {
        String top = top(question);
        assertFalse(top.startsWith(VIOMMU), () -> question + " -> " + top + " (IOMMU emulated inside a VM)");
        assertTrue(HOST_SET_UP.contains(top), () -> question + " -> " + top);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "how do I pass a device to a nested VM with vIOMMU",
        "pass a pci device to a nested vm (vm inside a vm)",
        "enable viommu inside the guest",
        "intel viommu q35",
    })
    void nestedAndGuestQuestionsStillGetVIommuFirst(String question) {
        String top = top(question);
        assertTrue(top.startsWith(VIOMMU), () -> question + " -> " + top);
    }

    @Test
    void theBundledRowMarksTheThreeVIommuSectionsOnly() {
        NarrowTopics bundled = NarrowTopics.bundled();
        List<String> marked = BundledGuides.SECTIONS.stream()
                .filter(s -> !bundled.ofHeadings(s.headingPath()).isEmpty())
                .map(s -> s.id())
                .toList();
        assertEquals(List.of(VIOMMU, VIOMMU + "/intel-viommu", VIOMMU + "/virtio-viommu"), marked);
    }

    @Test
    void cuesAreMatchedAsAnalysedWordsInOrder() {
        NarrowTopic viommu = NarrowTopics.parse(List.of("heading\tcues", "vIOMMU\tnested, inside my vm"))
                .topics().get(0);
        assertEquals("viommu", viommu.headingTerm());
        assertTrue(viommu.askedIn(NarrowTopics.terms("what is VIOMMU")), "the heading word is a cue");
        assertTrue(viommu.askedIn(NarrowTopics.terms("Nesting proxmox")), "stemmed");
        assertTrue(viommu.askedIn(NarrowTopics.terms("a GPU inside my VM")));
        assertFalse(viommu.askedIn(NarrowTopics.terms("my vm is inside")), "words of a phrase in order");
        assertFalse(viommu.askedIn(NarrowTopics.terms("How do I enable IOMMU on an Intel CPU?")));
        assertFalse(viommu.askedIn(NarrowTopics.terms("iommu for my guest")), "guest is no cue of this row");
    }

    @Test
    void badRowsFailLoudly() {
        assertThrows(IllegalStateException.class, () -> NarrowTopics.parse(List.of("viommu nested")));
        assertThrows(IllegalStateException.class, () -> NarrowTopics.parse(List.of("two words\tnested")));
        assertThrows(IllegalStateException.class, () -> NarrowTopics.parse(List.of("viommu\tnested, the")));
    }
}
