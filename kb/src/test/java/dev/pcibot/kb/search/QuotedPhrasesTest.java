package dev.pcibot.kb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which words of a question stand in quotes, for {@link LexicalRanking#QUOTE_BOOST}. */
class QuotedPhrasesTest {

    @Test
    void quotedPhrasesInEachKindOfQuoteAreFound() {
        assertEquals(List.of("error 43", "creating domain...", "unknown pci header type", "no iommu"),
                LexicalRanking.quoted("still getting \"error 43\", stuck on `Creating domain...` with"
                        + " 'Unknown PCI header type' and \u201cNo IOMMU\u201d"));
    }

    @Test
    void apostrophesInsideWordsAreNoQuotes() {
        assertEquals(List.of(), LexicalRanking.quoted("it doesn't boot and the gpu isn't found, I'm lost"));
    }

    @Test
    void aQuotedSingleTokenNamesAThingAndIsNotThePoint() {
        assertEquals(List.of(), LexicalRanking.quoted("Failed to assign device \"hostpci0\": Operation not permitted"));
    }

    @Test
    void theConceptsOfAQuotedPhraseAreMarkedAndTheOthersNot() {
        String question = "I followed all the steps but I'm still getting \"error 43\" on my rtx card";
        List<String> quoted = LexicalRanking.quoted(question);
        List<Concept> concepts = QueryConcepts.of(question);
        Concept error = concepts.stream().filter(c -> c.surface().toLowerCase().contains("error")).findFirst().orElseThrow();
        Concept card = concepts.stream().filter(c -> c.surface().toLowerCase().contains("card")).findFirst().orElseThrow();
        assertTrue(LexicalRanking.inQuotes(error, quoted), error.toString());
        assertFalse(LexicalRanking.inQuotes(card, quoted), card.toString());
    }
}
