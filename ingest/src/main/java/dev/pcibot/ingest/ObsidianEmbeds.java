package dev.pcibot.ingest;

import java.util.regex.Pattern;

/**
 * Drops Obsidian embeds such as {@code ![[device id.png]]}: they point into the author's vault
 * (usually a screenshot), which no reader of the section can open.
 */
final class ObsidianEmbeds {

    private static final Pattern EMBED = Pattern.compile("!\\[\\[[^\\]\\n]*]]");

    private ObsidianEmbeds() {}

    static String strip(String markdown) {
        return EMBED.matcher(markdown).replaceAll("");
    }
}
