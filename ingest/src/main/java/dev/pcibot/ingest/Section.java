package dev.pcibot.ingest;

import java.util.List;

/**
 * One section of a guide: the unit the knowledge base indexes and cites.
 *
 * @param id stable id: guide id plus a slug of the heading path (same input, same id)
 * @param guide the guide it comes from
 * @param headingPath the headings from the top of the guide down to this section
 * @param text the section's prose, commands included as text lines
 * @param commands the shell commands and config lines the section shows, one per entry
 * @param url link to the section's place in the origin (with an anchor where the origin has one)
 */
public record Section(
        String id, Guide guide, List<String> headingPath, String text, List<String> commands, String url) {

    public Section {
        headingPath = List.copyOf(headingPath);
        commands = List.copyOf(commands);
    }

    /** The innermost heading, the section's own title. */
    public String title() {
        return headingPath.isEmpty() ? guide.title() : headingPath.get(headingPath.size() - 1);
    }
}
