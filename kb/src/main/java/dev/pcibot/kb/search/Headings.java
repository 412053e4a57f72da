package dev.pcibot.kb.search;

import java.util.Locale;

/** Headings compared the way a reader compares them: case, emoji and punctuation do not count. */
final class Headings {
    private Headings() {}

    /** "🔧 Step 2: Setting the Boot Arguments" and "step 2 setting the boot arguments" compare equal. */
    static String normalize(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
