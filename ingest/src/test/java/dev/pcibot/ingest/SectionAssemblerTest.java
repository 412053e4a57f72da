package dev.pcibot.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

final class SectionAssemblerTest {

    private static final Guide GUIDE = new Guide("g", "Guide", "https://example.org/g", Authority.COMMUNITY,
            GuideFormat.MARKDOWN, "g.md");

    @Test
    void theSingleTopHeadingIsTheTitleAndEmptyHeadingsOnlyNameTheirChildren() {
        List<Section> sections = SectionAssembler.assemble(GUIDE, List.of(
                new Block.Heading(1, "Guide", null),
                new Block.Prose("Intro."),
                new Block.Heading(2, "Chapter", null),
                new Block.Heading(3, "Part", "part-anchor"),
                new Block.Code(List.of("# Edit GRUB", "# update-grub")),
                new Block.Heading(2, "Table of Contents", null),
                new Block.Prose("- Chapter"),
                new Block.Heading(2, "Part", null),
                new Block.Prose("Again.")), GuideHints.NONE);
        assertEquals(List.of("g", "g/chapter/part", "g/part"), sections.stream().map(Section::id).toList());
        assertEquals(List.of(List.of(), List.of("Chapter", "Part"), List.of("Part")),
                sections.stream().map(Section::headingPath).toList());
        assertEquals(List.of("update-grub"), sections.get(1).commands());
        assertEquals("# Edit GRUB\n# update-grub", sections.get(1).text());
        assertEquals("https://example.org/g#part-anchor", sections.get(1).url());
        assertEquals("https://example.org/g#part", sections.get(2).url());
    }

    @Test
    void severalTopHeadingsAreAllKeptAndSamePathsGetNumbered() {
        List<Section> sections = SectionAssembler.assemble(GUIDE, List.of(
                new Block.Heading(1, "One", null), new Block.Prose("a"),
                new Block.Heading(1, "One", null), new Block.Prose("b")), GuideHints.NONE);
        assertEquals(List.of("g/one", "g/one-2"), sections.stream().map(Section::id).toList());
    }

    @Test
    void longPathsShrinkTheirAncestorsToInitials() {
        assertEquals("step-by-step-guide/step-2", Slugs.ofPath(List.of("Step-by-Step Guide", "Step 2"), 80));
        assertEquals("sbsg/s2stba/intel-cpus-systemd-zfs",
                Slugs.ofPath(List.of("Step-by-Step Guide", "Step 2: Setting the Boot Arguments", "Intel CPUs (Systemd/ZFS)"), 40));
    }
}
