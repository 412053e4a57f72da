package dev.pcibot.ingest;

import java.util.List;

/** Turns one guide's text into sections, choosing the reader by the guide's format. */
final class GuideReader {

    private GuideReader() {}

    static List<Section> sections(Guide guide, String content) {
        GuideHints hints = GuideHints.forGuide(guide.id());
        List<Block> blocks = switch (guide.format()) {
            case HTML -> HtmlBlocks.read(content);
            case MARKDOWN -> MarkdownBlocks.read(content, hints);
            case TEXT -> TextDumpBlocks.read(content, hints);
        };
        return SectionAssembler.assemble(guide, blocks, hints);
    }
}
