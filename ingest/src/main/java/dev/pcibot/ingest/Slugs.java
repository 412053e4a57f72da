package dev.pcibot.ingest;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** URL- and id-safe slugs: {@code "Verify IOMMU is enabled"} becomes {@code verify-iommu-is-enabled}. */
final class Slugs {

    // Keeps ids short enough to travel inside Discord component ids (100 characters in all).
    private static final int MAX_PART = 40;

    private Slugs() {}

    static String of(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_PART) {
            slug = slug.substring(0, MAX_PART).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "section" : slug;
    }

    /**
     * The slug of a heading path: one slug per heading, joined by {@code /}. When that runs past
     * {@code maxLength}, the enclosing headings shrink to their initials
     * ({@code step-by-step-guide} becomes {@code sbsg}) and the section's own heading stays whole.
     */
    static String ofPath(List<String> headingPath, int maxLength) {
        List<String> parts = headingPath.stream().map(Slugs::of).toList();
        String full = String.join("/", parts);
        if (full.length() <= maxLength || parts.size() < 2) {
            return full;
        }
        String ancestors = parts.subList(0, parts.size() - 1).stream()
                .map(Slugs::initials)
                .collect(Collectors.joining("/"));
        return ancestors + "/" + parts.get(parts.size() - 1);
    }

    private static String initials(String slug) {
        StringBuilder initials = new StringBuilder();
        for (String word : slug.split("-")) {
            initials.append(Character.isDigit(word.charAt(0)) ? word : word.substring(0, 1));
        }
        return initials.toString();
    }
}
