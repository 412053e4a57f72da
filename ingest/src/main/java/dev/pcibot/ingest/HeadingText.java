package dev.pcibot.ingest;

import java.util.regex.Pattern;

/**
 * Cleans a heading into the words a reader would use to name the section: template placeholders
 * ({@code Step 2: {{Step Title}}} becomes {@code Step 2}), emoji, section numbers
 * ({@code 10.9.2 Host Device Passthrough}) and trailing colons go.
 */
final class HeadingText {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^{}]*}}");
    private static final Pattern SECTION_NUMBER = Pattern.compile("^\\d+(\\.\\d+)+\\.?\\s+");
    private static final Pattern TRAILING = Pattern.compile("[\\s:;,\\-–—]+$");

    private HeadingText() {}

    static String clean(String heading) {
        String text = PLACEHOLDER.matcher(heading).replaceAll("");
        text = withoutSymbols(text);
        text = text.replaceAll("\\s+", " ").strip();
        text = SECTION_NUMBER.matcher(text).replaceFirst("");
        return TRAILING.matcher(text).replaceFirst("");
    }

    /** Drops emoji and pictographs, with their variation selectors and joiners. */
    static String withoutSymbols(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            boolean symbol = type == Character.OTHER_SYMBOL || type == Character.SURROGATE
                    || cp == 0xFE0F || cp == 0x200D || cp == 0x20E3 || (cp >= 0x1F3FB && cp <= 0x1F3FF);
            if (!symbol) {
                kept.appendCodePoint(cp);
            }
        });
        return kept.toString();
    }
}
