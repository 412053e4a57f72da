package dev.pcibot.kb.search;

import dev.pcibot.ingest.Authority;
import dev.pcibot.ingest.GuideFormat;
import java.util.List;

/**
 * A section as read back from the index, held in memory per index generation (the whole corpus is
 * a few hundred kilobytes), so that ranking, snippets and suggestions need no stored-field reads.
 */
record StoredSection(
        String id,
        String guideId,
        String guideTitle,
        GuideFormat format,
        Authority authority,
        String originUrl,
        List<String> headingPath,
        String title,
        String text,
        List<String> commands,
        String url) {
    StoredSection {
        headingPath = List.copyOf(headingPath);
        commands = List.copyOf(commands);
    }

    Citation citation() {
        return new Citation(id, guideTitle, headingPath, url);
    }
}
