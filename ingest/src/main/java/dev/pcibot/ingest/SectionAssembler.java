package dev.pcibot.ingest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Cuts a guide's blocks into sections: every heading opens one, its heading path is the stack of
 * enclosing headings. The single level-1 heading of a document is its title and stays out of the
 * paths. Navigation (table of contents, revision history) is dropped; a heading with nothing under
 * it before the next heading makes no section of its own (its children carry it in their paths).
 */
final class SectionAssembler {

    private static final Set<String> NAVIGATION = Set.of(
            "table of contents", "contents", "revision history", "navigation menu", "navigation",
            // keyword lists are metadata for site search, and would only match every query
            "keywords", "tags");

    static final int MAX_ID_LENGTH = 80;

    private record Open(int level, String text, @Nullable String anchor) {}

    private final Guide guide;
    private final GuideHints hints;
    private final List<Section> sections = new ArrayList<>();
    private final Map<String, Integer> idCounts = new HashMap<>();
    private final Deque<Open> path = new ArrayDeque<>();
    private final StringBuilder text = new StringBuilder();
    private final Set<String> commands = new LinkedHashSet<>();
    private final Set<String> seenProse = new java.util.HashSet<>();
    private boolean navigation;

    private SectionAssembler(Guide guide, GuideHints hints) {
        this.guide = guide;
        this.hints = hints;
    }

    static List<Section> assemble(Guide guide, List<Block> blocks, GuideHints hints) {
        SectionAssembler assembler = new SectionAssembler(guide, hints);
        long topLevel = blocks.stream()
                .filter(b -> b instanceof Block.Heading h && assembler.level(h) == 1)
                .count();
        for (Block block : blocks) {
            switch (block) {
                case Block.Heading heading -> assembler.heading(heading, topLevel == 1);
                case Block.Prose prose -> assembler.prose(prose);
                case Block.Code code -> assembler.code(code);
            }
        }
        assembler.close();
        return List.copyOf(assembler.sections);
    }

    private int level(Block.Heading heading) {
        return hints.level(heading.text()).orElse(heading.level());
    }

    private void heading(Block.Heading heading, boolean singleTitle) {
        close();
        int level = level(heading);
        if (level == 1 && singleTitle) {
            path.clear();
            return;
        }
        while (!path.isEmpty() && path.peekLast().level() >= level) {
            path.removeLast();
        }
        path.addLast(new Open(level, heading.text(), heading.anchor()));
        navigation = NAVIGATION.contains(heading.text().toLowerCase(Locale.ROOT));
    }

    private void prose(Block.Prose prose) {
        // Some guides repeat a note in several callout syntaxes; once is enough for a reader.
        if (seenProse.add(sameWords(prose.text()))) {
            append(prose.text());
        }
        commands.addAll(prose.commands());
    }

    private static String sameWords(String text) {
        return HeadingText.withoutSymbols(text)
                .replaceAll("[“”]", "\"")
                .replaceAll("[‘’]", "'")
                .replaceAll("\\s+", " ")
                .strip()
                .toLowerCase(Locale.ROOT);
    }

    private void code(Block.Code code) {
        for (String line : CommandLines.joinContinuations(code.lines())) {
            CommandLines.commandInCode(line).ifPresent(commands::add);
        }
        append(String.join("\n", code.lines()));
    }

    private void append(String more) {
        if (!text.isEmpty()) {
            text.append('\n');
        }
        text.append(more);
    }

    private void close() {
        String body = text.toString().strip();
        if (!navigation && (!body.isEmpty() || !commands.isEmpty())) {
            List<String> headings = path.stream().map(Open::text).toList();
            sections.add(new Section(id(headings), guide, headings, body, List.copyOf(commands), url(headings)));
        }
        text.setLength(0);
        commands.clear();
        seenProse.clear();
        navigation = false;
    }

    private String id(List<String> headings) {
        // Ids travel inside Discord component ids (100 characters with the command and action).
        String base = headings.isEmpty()
                ? guide.id()
                : guide.id() + "/" + Slugs.ofPath(headings, MAX_ID_LENGTH - guide.id().length() - 1);
        int count = idCounts.merge(base, 1, Integer::sum);
        return count == 1 ? base : base + "-" + count;
    }

    private String url(List<String> headings) {
        @Nullable String ownAnchor = path.isEmpty() ? null : path.peekLast().anchor();
        return SectionLinks.link(guide, headings, ownAnchor, hints);
    }
}
