package dev.pcibot.kb.search;

import java.util.List;
import java.util.Set;

/**
 * One thing a question asks about, with the ways a section may say it: "graphics card" is one
 * concept whose alternatives include {@code [graphic, card]}, {@code [gpu]} and {@code [vga]};
 * {@code vfio-pci} is one concept found either as the exact token or as the words
 * {@code [vfio, pci]} side by side.
 *
 * @param surface the words of the question it came from
 * @param alternatives prose-analysed term sequences (phrases), the user's own words first
 * @param synonym per alternative: true when it came from the synonym file, not the question
 * @param exactTerms exact-field terms ({@code intel_iommu=on}); empty for plain words
 * @param corrected true when the alternatives are spelling corrections of a word the guides do
 *     not contain (weighs less in coverage)
 */
record Concept(
        String surface,
        List<List<String>> alternatives,
        List<Boolean> synonym,
        Set<String> exactTerms,
        boolean corrected) {
    Concept {
        alternatives = alternatives.stream().map(List::copyOf).toList();
        synonym = List.copyOf(synonym);
        exactTerms = Set.copyOf(exactTerms);
        if (synonym.size() != alternatives.size()) {
            throw new IllegalArgumentException("one synonym flag per alternative");
        }
    }

    /** True when the concept is a number only ("43", "11"): unknown numbers weigh less. */
    boolean numeric() {
        return alternatives.stream().allMatch(a -> a.stream().allMatch(t -> t.chars().allMatch(Character::isDigit)))
                && exactTerms.stream().allMatch(t -> t.chars().allMatch(Character::isDigit));
    }
}
