package dev.pcibot.kb.search;

import java.util.Collections;
import java.util.List;

/**
 * One row of {@code content/search/narrow-topics.tsv}: a heading word that makes a section the
 * special case of a common question (vIOMMU: an IOMMU emulated inside a VM, not the host's), and
 * the words by which a question asks for that special case. All terms are prose-analysed.
 *
 * @param headingTerm the analysed heading word ({@code viommu})
 * @param cues analysed cue phrases ({@code [nest]}, {@code [insid, vm]}); the heading word is one of them
 */
record NarrowTopic(String headingTerm, List<List<String>> cues) {
    NarrowTopic {
        cues = cues.stream().map(List::copyOf).toList();
    }

    /** True when the section's analysed headings (its own and its parents') name the topic. */
    boolean names(List<String> headingTerms) {
        return headingTerms.contains(headingTerm);
    }

    /** True when the analysed question holds one of the cues, its words side by side and in order. */
    boolean askedIn(List<String> questionTerms) {
        return cues.stream().anyMatch(cue -> Collections.indexOfSubList(questionTerms, cue) >= 0);
    }
}
