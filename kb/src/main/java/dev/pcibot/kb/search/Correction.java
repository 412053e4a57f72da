package dev.pcibot.kb.search;

import dev.pcibot.ingest.Authority;
import java.util.regex.Pattern;

/**
 * One known error of a community guide (a row of {@code content/search/corrections.tsv}).
 *
 * @param guideId the guide it is in, or {@code *} for every community guide
 * @param heading the section's own heading, or {@code *} for any section
 * @param wrong what the wrong advice looks like (case-insensitive)
 * @param text what to tell the reader instead, citing the official guide
 */
record Correction(String guideId, String heading, Pattern wrong, String text) {
    static final String ANY = "*";

    /**
     * Whether the row is about advice that is wrong ("Wrong in this guide: ..."), so that the section
     * ranks after the others; a row about an unneeded extra ("Not needed", "Not part of ...") only
     * strikes it and adds the note, and the section keeps its rank: the rest of its advice is sound.
     */
    boolean demotes() {
        return text.startsWith("Wrong");
    }

    /** True when the section is the one the row is about and still contains the wrong text. */
    boolean appliesTo(StoredSection section) {
        if (section.authority() != Authority.COMMUNITY) {
            return false; // where guides disagree the official ones win; they are never "corrected"
        }
        if (!guideId.equals(ANY) && !guideId.equals(section.guideId())) {
            return false;
        }
        if (!heading.equals(ANY) && !Headings.normalize(heading).equals(Headings.normalize(section.title()))) {
            return false;
        }
        return wrong.matcher(section.text()).find()
                || section.commands().stream().anyMatch(c -> wrong.matcher(c).find());
    }
}
