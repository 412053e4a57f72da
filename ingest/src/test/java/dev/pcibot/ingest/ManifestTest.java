package dev.pcibot.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

final class ManifestTest {

    private static final String HEADER = "# comment\nid\ttitle\torigin\tauthority\tformat\tfile\n";

    @Test
    void readsRowsAfterTheHeaderSkippingComments() {
        List<Guide> guides = Manifest.parse(HEADER
                + "a\tA guide\thttps://example.org/a\tofficial_wiki\tMarkdown\ta.md\n\n# later comment\n"
                + "b\tB guide\thttps://example.org/b\tCOMMUNITY\tTEXT\tb.txt\n");
        assertEquals(List.of(
                new Guide("a", "A guide", "https://example.org/a", Authority.OFFICIAL_WIKI, GuideFormat.MARKDOWN, "a.md"),
                new Guide("b", "B guide", "https://example.org/b", Authority.COMMUNITY, GuideFormat.TEXT, "b.txt")), guides);
    }

    @Test
    void namesTheLineOfABadRow() {
        var missing = assertThrows(IllegalArgumentException.class,
                () -> Manifest.parse(HEADER + "a\tA\thttps://x\tCOMMUNITY\tTEXT\n"));
        assertTrue(missing.getMessage().startsWith("manifest line 3: expected 6"), missing.getMessage());
        var authority = assertThrows(IllegalArgumentException.class,
                () -> Manifest.parse(HEADER + "a\tA\thttps://x\tGOSPEL\tTEXT\ta.txt\n"));
        assertTrue(authority.getMessage().contains("unknown Authority 'GOSPEL'"), authority.getMessage());
        var duplicate = assertThrows(IllegalArgumentException.class,
                () -> Manifest.parse(HEADER + "a\tA\thttps://x\tCOMMUNITY\tTEXT\ta.txt\na\tA\thttps://x\tCOMMUNITY\tTEXT\tb.txt\n"));
        assertTrue(duplicate.getMessage().contains("duplicate id a"), duplicate.getMessage());
        var header = assertThrows(IllegalArgumentException.class, () -> Manifest.parse("id,title\n"));
        assertTrue(header.getMessage().contains("expected the header"), header.getMessage());
    }
}
