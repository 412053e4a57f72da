package dev.pcibot.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What one guide's file cannot say for itself, kept as data next to the code
 * ({@code hints/<guide-id>.tsv}) so the readers stay generic:
 *
 * <pre>
 * heading  4  Kernel Modules                      a bare line that is a heading, or a heading's level
 * anchor   qm_pci_passthrough_vm_config  Host Device Passthrough &gt; VM Configuration
 * </pre>
 *
 * A {@code heading} row turns a bare line with exactly that text into a heading of that level
 * (headings lost in a PDF or text dump) and corrects the level of a heading with that text. An
 * {@code anchor} row gives the origin's anchor id for the section whose heading path ends with
 * the given headings (joined by {@code  > }).
 */
final class GuideHints {

    static final GuideHints NONE = new GuideHints(Map.of(), Map.of());

    private final Map<String, Integer> headingLevels;
    private final Map<String, String> anchors;

    private GuideHints(Map<String, Integer> headingLevels, Map<String, String> anchors) {
        this.headingLevels = headingLevels;
        this.anchors = anchors;
    }

    /** The hints bundled for a guide id, or {@link #NONE}. */
    static GuideHints forGuide(String guideId) {
        String resource = "hints/" + guideId + ".tsv";
        try (InputStream in = GuideHints.class.getResourceAsStream(resource)) {
            return in == null ? NONE : parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    static GuideHints parse(String tsv, String source) {
        Map<String, Integer> levels = new LinkedHashMap<>();
        Map<String, String> anchors = new LinkedHashMap<>();
        for (TsvRows.Row row : TsvRows.parse(tsv, source)) {
            List<String> cells = row.filled();
            if (cells.size() != 3) {
                throw new IllegalArgumentException(source + " line " + row.line() + ": expected 3 tab-separated cells");
            }
            switch (cells.get(0)) {
                case "heading" -> levels.put(cells.get(2).strip(), parseLevel(cells.get(1), source, row.line()));
                case "anchor" -> anchors.put(cells.get(2).strip(), cells.get(1).strip());
                default -> throw new IllegalArgumentException(
                        source + " line " + row.line() + ": unknown kind '" + cells.get(0) + "'");
            }
        }
        return new GuideHints(Map.copyOf(levels), Map.copyOf(anchors));
    }

    private static int parseLevel(String cell, String source, int number) {
        try {
            int level = Integer.parseInt(cell.strip());
            if (level >= 1 && level <= 6) {
                return level;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(source + " line " + number + ": level must be 1..6, was '" + cell + "'");
    }

    /** The level a heading (or bare line) with this text has, if the hints say so. */
    OptionalInt level(String headingText) {
        Integer level = headingLevels.get(headingText.strip());
        return level == null ? OptionalInt.empty() : OptionalInt.of(level);
    }

    /** The origin's anchor for the innermost section of this path that has one. */
    Optional<String> anchor(List<String> headingPath) {
        for (int end = headingPath.size(); end > 0; end--) {
            List<String> prefix = headingPath.subList(0, end);
            for (int start = 0; start < end; start++) {
                String anchor = anchors.get(String.join(" > ", prefix.subList(start, end)));
                if (anchor != null) {
                    return Optional.of(anchor);
                }
            }
        }
        return Optional.empty();
    }
}
