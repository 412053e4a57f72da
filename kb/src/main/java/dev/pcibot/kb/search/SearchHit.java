package dev.pcibot.kb.search;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One answer to a question: a guide section with the matched words highlighted.
 *
 * @param citation the section itself
 * @param authority the guide's authority (enum name of {@link dev.pcibot.ingest.Authority})
 * @param snippet the best passage, matched words wrapped in {@code **...**}
 * @param commands the commands the section shows, to copy
 * @param score relevance after authority and heading boosts (higher is better)
 * @param alsoIn near-duplicate sections in other guides, collapsed into this hit
 * @param correction when the section repeats a known error from a community guide: what the
 *     official guide says instead (null when the section has no known error)
 */
public record SearchHit(
        Citation citation,
        String authority,
        String snippet,
        List<String> commands,
        float score,
        List<Citation> alsoIn,
        @Nullable String correction) {
    public SearchHit {
        commands = List.copyOf(commands);
        alsoIn = List.copyOf(alsoIn);
    }
}
