package dev.pcibot.kb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Passage choice, highlighting and strike-through. */
class SnippetsTest {
    static final String TEXT = """
            To identify if your system has support for interrupt remapping:
            dmesg | grep 'remapping'
            If you see one of the following lines:
            **AMD-Vi: Interrupt remapping enabled**
            DMAR-IR: Enabled IRQ remapping in x2apic mode
            then remapping is supported.""";

    private static Snippets.Terms terms(String question) {
        return Snippets.Terms.of(QueryConcepts.of(question));
    }

    @Test
    void theBestLineLeadsAndMatchedWordsAreBold() {
        String s = Snippets.of(Snippets.analyze(TEXT), terms("DMAR-IR x2apic"), List.of());
        assertTrue(s.startsWith("**DMAR-IR**: Enabled IRQ remapping in **x2apic** mode"), s);
    }

    @Test
    void stemmedMatchesHighlightTheWholeWord() {
        String s = Snippets.of(Snippets.analyze(TEXT), terms("remap"), List.of());
        assertTrue(s.contains("**remapping**"), s);
        assertFalse(s.contains("**remap**ping"), s);
    }

    @Test
    void markdownEmphasisOfTheSourceIsDropped() {
        String s = Snippets.of(Snippets.analyze(TEXT), terms("amd-vi"), List.of());
        assertTrue(s.startsWith("**AMD-Vi**: Interrupt remapping enabled"), s);
    }

    @Test
    void theQuestionsOwnWordsBeatSynonyms() {
        String text = "The ACS override patch is a last resort.\npcie_acs_override=downstream\nmore text";
        String s = Snippets.of(Snippets.analyze(text), terms("pcie_acs_override"), List.of());
        assertTrue(s.startsWith("**pcie_acs_override**=downstream"), s);
    }

    @Test
    void wrongLinesAreStruckAndNeverHighlighted() {
        String text = "# If not, enable ACS override\necho \"options pci_ids default_hugepagesz=2M\" >> /etc/modprobe.d/kvm.conf";
        String s = Snippets.of(Snippets.analyze(text), terms("options pci_ids acs override"),
                List.of(Pattern.compile("options\\s+pci_ids", Pattern.CASE_INSENSITIVE)));
        assertTrue(s.contains("~~echo \"options pci_ids default_hugepagesz=2M\" >> /etc/modprobe.d/kvm.conf~~"), s);
        assertFalse(s.contains("**pci_ids"), s);
    }

    @Test
    void aPassageEndingOnAColonBringsTheListItIntroduces() {
        String text = """
                Some text about something else entirely, long enough to matter for the length of the passage.
                More words here that do not match anything in the question at all, just filler for the section.
                To make the vfio modules load at boot, which the passthrough needs before any VM starts and which the \
                host otherwise leaves to the first VM start that asks for them (too late for a device that a host \
                driver claimed at boot), add these lines to /etc/modules:
                vfio
                vfio_iommu_type1
                vfio_pci
                Then update the initramfs.
                A later paragraph about something unrelated.""";
        String s = Snippets.of(Snippets.analyze(text), terms("load vfio modules at boot"), List.of());
        assertTrue(s.contains("vfio_iommu_type1") && s.contains("vfio_pci"), "the list came along: " + s);
        assertFalse(s.contains("A later paragraph"), "and stopped where the list ended: " + s);
    }

    @Test
    void aPassageThatEndsOnAColonStopsAtTheEndOfItsList() {
        String text = "Check the groups, " + "which matters ".repeat(18) + "here:\n- one\n- two\n- three\n"
                + "Unrelated closing prose that is not part of the list.";
        String s = Snippets.of(Snippets.analyze(text), terms("check groups"), List.of());
        assertTrue(s.contains("- three"), s);
        assertFalse(s.contains("Unrelated"), s);
    }

    @Test
    void longLinesAreCutAroundTheMatch() {
        String text = "word ".repeat(200) + "vfio-pci " + "word ".repeat(200);
        String s = Snippets.of(Snippets.analyze(text), terms("vfio-pci"), List.of());
        assertTrue(s.length() <= Snippets.MAX_LENGTH + 8, s.length() + ": " + s);
        assertTrue(s.startsWith("…") && s.endsWith("…"), s);
        assertTrue(s.contains("**vfio-pci**"), s);
    }

    @Test
    void withoutAQuestionTheOpeningLinesShow() {
        String s = Snippets.of(Snippets.analyze(TEXT), Snippets.Terms.NONE, List.of());
        assertTrue(s.startsWith("To identify if your system"), s);
        assertFalse(s.contains("**"), s);
        assertEquals("", Snippets.of(Snippets.analyze("\n \n"), Snippets.Terms.NONE, List.of()));
        assertEquals(Set.of(), Snippets.Terms.NONE.words());
    }
}
