package dev.pcibot.kb.search;

import java.util.List;

/** Where an answer comes from: a guide section a reader can open. */
public record Citation(String sectionId, String guideTitle, List<String> headingPath, String url) {
    public Citation {
        headingPath = List.copyOf(headingPath);
    }
}
