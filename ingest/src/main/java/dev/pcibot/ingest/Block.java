package dev.pcibot.ingest;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One piece of a guide in reading order, the common form every format is reduced to before
 * {@link SectionAssembler} cuts it into sections.
 */
sealed interface Block {

    /**
     * A heading.
     *
     * @param level 1 (outermost) to 6, after per-guide corrections
     * @param text the heading as a reader sees it (see {@link HeadingText})
     * @param anchor the id the origin document gives this heading, when the source carries one
     */
    record Heading(int level, String text, @Nullable String anchor) implements Block {}

    /**
     * Readable text: a paragraph, a list, table rows.
     *
     * @param text the prose
     * @param commands full command lines quoted inline (e.g. in a {@code <code>} span)
     */
    record Prose(String text, List<String> commands) implements Block {
        public Prose {
            commands = List.copyOf(commands);
        }

        Prose(String text) {
            this(text, List.of());
        }
    }

    /** A code block: commands, config lines, comments or program output, one entry per line. */
    record Code(List<String> lines) implements Block {
        public Code {
            lines = List.copyOf(lines);
        }
    }
}
