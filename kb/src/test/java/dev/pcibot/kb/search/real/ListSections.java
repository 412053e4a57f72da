package dev.pcibot.kb.search.real;

import dev.pcibot.ingest.GuideLibrary;
import dev.pcibot.ingest.Section;

/**
 * Prints every bundled section (id, heading path, text) so the real questions can be labelled by
 * reading what each section really says. A labelling aid run by hand, not a test.
 */
public final class ListSections {
    private ListSections() {}

    public static void main(String[] args) {
        for (Section s : GuideLibrary.bundled().sections()) {
            System.out.println("=== " + s.id() + "  [" + String.join(" > ", s.headingPath()) + "]");
            System.out.println(s.text());
            System.out.println();
        }
    }
}
