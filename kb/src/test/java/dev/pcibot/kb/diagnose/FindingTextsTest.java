package dev.pcibot.kb.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The finding texts in content/findings, read the way the diagnosis reads them. */
final class FindingTextsTest {
    private static final Path DIR = Path.of("../content/src/main/resources/content/findings");

    @Test
    void everyFileParsesWithTitleMeaningFixAndCitation() throws IOException {
        FindingTexts texts = new FindingTexts();
        try (Stream<Path> files = Files.list(DIR)) {
            List<Path> md = files.filter(p -> p.toString().endsWith(".md")).toList();
            assertFalse(md.isEmpty());
            for (Path f : md) {
                String id = f.getFileName().toString().replace(".md", "");
                FindingText t = texts.get(id).orElseThrow();
                assertFalse(t.title().equals(id) || t.title().isBlank(), id + ": no title");
                assertFalse(t.meaning().isBlank(), id + ": no 'What it means'");
                if (t.severity() != Severity.INFO && !id.equals("insufficient-info")) {
                    assertFalse(t.fix().isBlank(), id + ": no 'How to fix it'");
                }
            }
        }
    }

    @Test
    void readsFrontMatterAndSections() {
        FindingText t = FindingTexts.parse("x", """
                ---
                id: x
                severity: warning   # works but risky
                title: A title
                cite: first query
                cite: second query
                ---
                ## What it means
                It means this.

                ## How to fix it
                ```sh
                echo fix
                ```
                """);
        assertEquals(Severity.WARNING, t.severity());
        assertEquals("A title", t.title());
        assertEquals(List.of("first query", "second query"), t.citeQueries());
        assertEquals("It means this.", t.meaning());
        assertTrue(t.fix().contains("echo fix"));
    }

    @Test
    void aBrokenFileFailsLoudly() {
        assertThrows(IllegalStateException.class, () -> FindingTexts.parse("x", "no front matter"));
        assertThrows(IllegalStateException.class, () -> FindingTexts.parse("x", "---\nseverity: dire\n---\n"));
        assertThrows(IllegalStateException.class, () -> FindingTexts.parse("x", "---\ntitle: t\n---\n"));
    }

    @Test
    void unknownIdsHaveNoText() {
        assertTrue(new FindingTexts().get("no-such-finding").isEmpty());
        assertTrue(new FindingTexts().get("../../etc/passwd").isEmpty());
    }
}
