package dev.pcibot.bot.http;

import dev.pcibot.ingest.WebOrigins;
import dev.pcibot.kb.search.Citation;
import dev.pcibot.kb.search.SearchHit;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One search hit as the API shows it: flat, so a client reads {@code hit.guide} and {@code hit.url}
 * without knowing the kb's record nesting.
 *
 * @param sectionId the cited section's stable id
 * @param guide the guide's title
 * @param headingPath headings from the top of the guide down to the section
 * @param snippet the best passage, matched words in {@code **...**}
 * @param commands the commands the section shows, to copy
 * @param url the section's place in the original guide
 * @param authority OFFICIAL_ADMIN_GUIDE, OFFICIAL_WIKI or COMMUNITY
 * @param score relevance (higher is better; only comparable within one answer)
 * @param alsoIn the same content in other guides
 * @param correction what the official guide says instead, when this section repeats a known error
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record HitView(
        String sectionId,
        String guide,
        List<String> headingPath,
        String snippet,
        List<String> commands,
        String url,
        String authority,
        float score,
        List<Citation> alsoIn,
        @Nullable String correction) {

    static HitView of(SearchHit hit) {
        Citation c = hit.citation();
        // only web links: the page makes the url an href (see CitationSerializer for alsoIn and findings)
        return new HitView(c.sectionId(), c.guideTitle(), c.headingPath(), hit.snippet(), hit.commands(),
                WebOrigins.orEmpty(c.url()),
                hit.authority(), hit.score(), hit.alsoIn(), hit.correction());
    }
}
