package dev.pcibot.kb.diagnose;

import java.util.List;

/**
 * What we tell the user about one finding id, from content/findings/id.md.
 *
 * @param id the catalogue id
 * @param severity from the file's front matter
 * @param title one line
 * @param citeQueries the {@code cite:} lines: searches that find the guide section saying so
 * @param meaning the "What it means" section (Markdown)
 * @param fix the "How to fix it" section (Markdown)
 */
public record FindingText(
        String id, Severity severity, String title, List<String> citeQueries, String meaning, String fix) {
    public FindingText {
        citeQueries = List.copyOf(citeQueries);
    }
}
