package dev.pcibot.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TsvRowsTest {

    @Test
    void skipsCommentsAndBlankLinesButCountsThem() {
        List<TsvRows.Row> rows = TsvRows.parse("# header comment\n\na\tb\n   \n\t\nc\td\te\n", "t.tsv");
        assertEquals(2, rows.size());
        assertEquals(3, rows.get(0).line());
        assertEquals(List.of("a", "b"), rows.get(0).cells());
        assertEquals(6, rows.get(1).line());
        assertEquals("e", rows.get(1).cell(2));
        assertEquals("t.tsv", rows.get(1).source());
    }

    @Test
    void aHashInsideALineIsData() {
        List<TsvRows.Row> rows = TsvRows.parse("a\t#not a comment\n #indented\n", "t.tsv");
        assertEquals(List.of("a", "#not a comment"), rows.get(0).cells());
        assertEquals(List.of(" #indented"), rows.get(1).cells(), "only a # in the first column starts a comment");
    }

    @Test
    void keepsEmptyCellsAndFilledDropsOnlyTrailingOnes() {
        TsvRows.Row row = TsvRows.parse("\ta\t\tb\t\t\n", "t.tsv").get(0);
        assertEquals(List.of("", "a", "", "b", "", ""), row.cells());
        assertEquals(List.of("", "a", "", "b"), row.filled());
        assertEquals(List.of("\ta\t\tb\t\t".split("\t")), row.filled(), "filled() is String.split(\"\\t\")");
        assertEquals("\ta\t\tb\t\t", row.text());
    }

    @Test
    void crlfAndLoneCrEndLinesLikeLf() throws IOException {
        String text = "# c\r\na\tb\r\n\r\nc\td\re\tf";
        List<TsvRows.Row> rows = TsvRows.read(new StringReader(text), "t.tsv");
        assertEquals(List.of(List.of("a", "b"), List.of("c", "d"), List.of("e", "f")),
                rows.stream().map(TsvRows.Row::cells).toList());
        assertEquals(List.of(2, 4, 5), rows.stream().map(TsvRows.Row::line).toList());
    }

    @Test
    void readsUtf8FromAStream() throws IOException {
        byte[] bytes = "x\tRadeon™ RX 580\n".getBytes(StandardCharsets.UTF_8);
        TsvRows.Row row = TsvRows.read(new ByteArrayInputStream(bytes), "t.tsv").get(0);
        assertEquals("Radeon™ RX 580", row.cell(1));
    }

    @Test
    void failNamesSourceAndLine() {
        TsvRows.Row row = TsvRows.parse("\n\nbad\n", "content/x.tsv").get(0);
        assertEquals("content/x.tsv:3: ", row.where());
        assertEquals("content/x.tsv:3: expected 2 cells", row.fail("expected 2 cells").getMessage());
        IllegalArgumentException cause = new IllegalArgumentException("why");
        assertSame(cause, row.fail("bad", cause).getCause());
    }

    @Test
    void emptyTextHasNoRows() {
        assertEquals(List.of(), TsvRows.parse("", "t.tsv"));
        assertEquals(List.of(), TsvRows.parse("# only\n\n", "t.tsv"));
    }
}
