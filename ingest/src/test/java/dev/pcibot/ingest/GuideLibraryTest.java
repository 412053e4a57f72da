package dev.pcibot.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user's folder next to the bundled guides: HTML, Markdown and text read, bad files skipped. */
final class GuideLibraryTest {

    @TempDir
    Path folder;

    @BeforeEach
    void copyUserGuides() throws IOException {
        for (String name : List.of("wiki-excerpt.html", "my-x570-notes.md", "my-x570-notes.md.properties", "reset-bug.txt")) {
            try (InputStream in = getClass().getResourceAsStream("/user-guides/" + name)) {
                Files.copy(in, folder.resolve(name));
            }
        }
    }

    @Test
    void readsUserHtmlThroughJsoupWithoutPageFurniture() {
        GuideLibrary library = GuideLibrary.load(folder);
        Guide wiki = guide(library, "user-wiki-excerpt");
        assertEquals("PCI Passthrough", wiki.title());
        assertEquals(Authority.COMMUNITY, wiki.authority());
        assertEquals(GuideFormat.HTML, wiki.format());
        assertEquals(folder.resolve("wiki-excerpt.html").toUri().toString(), wiki.originUrl());
        assertEquals(List.of(
                "",
                "Verifying IOMMU parameters > Verify IOMMU is enabled",
                "Verifying IOMMU parameters > Verify IOMMU isolation",
                "GPU passthrough > Blacklisting drivers"), headings(library, "user-wiki-excerpt"));
        String all = String.join("\n", sections(library, "user-wiki-excerpt").stream().map(Section::text).toList());
        for (String furniture : List.of("Jump to", "Contents", "edit", "Retrieved from", "HOWTO", "Main Page")) {
            assertFalse(all.contains(furniture), furniture + " leaked into: " + all);
        }
        Section isolation = section(library, "user-wiki-excerpt/verifying-iommu-parameters/verify-iommu-isolation");
        assertEquals(List.of("pvesh get /nodes/{nodename}/hardware/pci --pci-class-blacklist \"\""), isolation.commands());
        assertTrue(isolation.text().contains("id: 0000:01:00.0; iommugroup: 1; device_name: GP108 [GeForce GT 1030]"));
        // the page's own anchor, not a guess
        assertTrue(isolation.url().endsWith("wiki-excerpt.html#Verify_IOMMU_isolation"), isolation.url());
        assertEquals(List.of("echo \"blacklist amdgpu\" >> /etc/modprobe.d/blacklist.conf"),
                section(library, "user-wiki-excerpt/gpu-passthrough/blacklisting-drivers").commands());
    }

    @Test
    void readsUserMarkdownWithSidecarAndNumbersDuplicateIds() {
        GuideLibrary library = GuideLibrary.load(folder);
        Guide notes = guide(library, "user-my-x570-notes");
        assertEquals("Passthrough on my X570 board", notes.title());
        assertEquals(Authority.OFFICIAL_WIKI, notes.authority());
        assertEquals("https://example.org/x570-passthrough", notes.originUrl());
        assertEquals(List.of("user-my-x570-notes", "user-my-x570-notes/boot-options", "user-my-x570-notes/duplicate",
                "user-my-x570-notes/duplicate-2"), sections(library, "user-my-x570-notes").stream().map(Section::id).toList());
        Section boot = section(library, "user-my-x570-notes/boot-options");
        assertEquals(List.of("proxmox-boot-tool refresh"), boot.commands());
        assertTrue(boot.text().startsWith("Note: systemd-boot on ZFS"), boot.text());
    }

    @Test
    void readsUserTextDumps() {
        GuideLibrary library = GuideLibrary.load(folder);
        assertEquals("Reset bug notes", guide(library, "user-reset-bug").title());
        Section reset = section(library, "user-reset-bug/vendor-reset");
        assertEquals(List.of("modprobe vendor-reset"), reset.commands());
    }

    @Test
    void keepsTheBundledGuidesFirst() {
        GuideLibrary library = GuideLibrary.load(folder);
        int bundled = GuideLibrary.bundled().guides().size();
        assertEquals(GuideLibrary.bundled().guides(), library.guides().subList(0, bundled));
        assertEquals(bundled + 3, library.guides().size());
        assertTrue(library.warnings().isEmpty(), library.warnings().toString());
    }

    @Test
    void skipsBinaryAndNonUtf8FilesWithAWarning() throws IOException {
        Files.write(folder.resolve("screenshot.txt"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
        Files.write(folder.resolve("latin1.md"), "# Caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
        GuideLibrary library = GuideLibrary.load(folder);
        assertEquals(2, library.warnings().size(), library.warnings().toString());
        assertTrue(library.warnings().get(0).contains("latin1.md") && library.warnings().get(0).contains("not UTF-8 text"));
        assertTrue(library.warnings().get(1).contains("screenshot.txt"));
        assertEquals(GuideLibrary.bundled().guides().size() + 3, library.guides().size());
    }

    @Test
    void skipsFilesTooLargeToBeAGuide() throws IOException {
        Files.write(folder.resolve("huge.txt"), new byte[(int) UserGuides.MAX_BYTES + 1]);
        GuideLibrary library = GuideLibrary.load(folder);
        assertEquals(1, library.warnings().size(), library.warnings().toString());
        assertTrue(library.warnings().get(0).contains("huge.txt") && library.warnings().get(0).contains("more than"));
    }

    @Test
    void aMissingFolderIsAWarningNotAnError() {
        GuideLibrary library = GuideLibrary.load(folder.resolve("nope"));
        assertEquals(GuideLibrary.bundled().sections(), library.sections());
        assertEquals(1, library.warnings().size());
        assertTrue(library.warnings().get(0).contains("does not exist"));
    }

    @Test
    void aBadSidecarAuthorityFallsBackToCommunityWithAWarning() throws IOException {
        Files.writeString(folder.resolve("my-x570-notes.md.properties"), "authority=GOSPEL\n");
        GuideLibrary library = GuideLibrary.load(folder);
        assertEquals(Authority.COMMUNITY, guide(library, "user-my-x570-notes").authority());
        assertTrue(library.warnings().get(0).contains("unknown authority 'GOSPEL'"), library.warnings().toString());
    }

    @Test
    void aSidecarOriginThatIsNotHttpIsDroppedWithAWarningAndTheGuideKeptWithoutALink() throws IOException {
        for (String origin : List.of("javascript:alert(document.cookie)", " JavaScript:alert(1)",
                "data:text/html,<script>alert(1)</script>", "//evil.example/x", "https:no-host", "vbscript:x")) {
            Files.writeString(folder.resolve("my-x570-notes.md.properties"), "origin=" + origin + "\n");
            GuideLibrary library = GuideLibrary.load(folder);
            Guide notes = guide(library, "user-my-x570-notes");
            assertEquals("", notes.originUrl(), origin);
            for (Section s : sections(library, "user-my-x570-notes")) {
                assertEquals("", s.url(), origin + " leaked into " + s.id());
            }
            assertEquals(1, library.warnings().size(), library.warnings().toString());
            String warning = library.warnings().get(0);
            assertTrue(warning.contains("my-x570-notes.md.properties") && warning.contains("only http and https"), warning);
        }
    }

    @Test
    void anHttpOrHttpsSidecarOriginIsKept() throws IOException {
        Files.writeString(folder.resolve("my-x570-notes.md.properties"), "origin=http://example.org/x570\n");
        GuideLibrary library = GuideLibrary.load(folder);
        assertEquals("http://example.org/x570", guide(library, "user-my-x570-notes").originUrl());
        assertTrue(library.warnings().isEmpty(), library.warnings().toString());
    }

    @Test
    void linksThatLeadOutOfTheFolderAreRefusedWithAWarning(@TempDir Path outside) throws IOException {
        Path secret = Files.writeString(outside.resolve("secret.md"), "# Outside secret\n\nroot password hunter2\n");
        Files.writeString(outside.resolve("evil.properties"), "title=Injected title\norigin=https://evil.example/\n");
        Files.createSymbolicLink(folder.resolve("linked.md"), secret);
        Files.delete(folder.resolve("my-x570-notes.md.properties"));
        Files.createSymbolicLink(folder.resolve("my-x570-notes.md.properties"), outside.resolve("evil.properties"));
        Files.createSymbolicLink(folder.resolve("outside-folder"), outside);

        GuideLibrary library = GuideLibrary.load(folder);
        assertTrue(library.guides().stream().noneMatch(g -> g.title().contains("Outside secret")), "linked guide read");
        assertTrue(library.sections().stream().noneMatch(s -> s.text().contains("hunter2")), "linked content indexed");
        Guide notes = guide(library, "user-my-x570-notes");
        assertEquals(folder.resolve("my-x570-notes.md").toUri().toString(), notes.originUrl(), "the linked sidecar is ignored");
        assertFalse(notes.title().contains("Injected"));
        List<String> warnings = library.warnings();
        assertTrue(warnings.stream().anyMatch(w -> w.contains("linked.md") && w.contains("outside")), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("my-x570-notes.md.properties") && w.contains("outside")),
                warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("outside-folder") && w.contains("outside")), warnings.toString());
    }

    @Test
    void linksThatStayInsideTheFolderAreFollowed() throws IOException {
        Files.createDirectories(folder.resolve("real"));
        Files.move(folder.resolve("reset-bug.txt"), folder.resolve("real/reset-bug.txt"));
        Files.createSymbolicLink(folder.resolve("reset-link.txt"), folder.resolve("real/reset-bug.txt"));
        GuideLibrary library = GuideLibrary.load(folder);
        assertTrue(library.warnings().isEmpty(), library.warnings().toString());
        assertEquals("Reset bug notes", guide(library, "user-reset-link").title());
    }

    @Test
    void fingerprintChangesWhenAFileChangesAndOnlyThen() throws IOException {
        String before = GuideLibrary.load(folder).fingerprint();
        assertEquals(before, GuideLibrary.load(folder).fingerprint());
        assertNotEquals(GuideLibrary.bundled().fingerprint(), before);

        Files.writeString(folder.resolve("reset-bug.txt"), "\nOne more line.", StandardOpenOptionHolder.APPEND);
        String edited = GuideLibrary.load(folder).fingerprint();
        assertNotEquals(before, edited);

        Files.writeString(folder.resolve("my-x570-notes.md.properties"), "authority=COMMUNITY\n");
        assertNotEquals(edited, GuideLibrary.load(folder).fingerprint());
    }

    @Test
    void bundledIsBuiltOnceAndNullFolderMeansBundled() {
        assertSame(GuideLibrary.bundled(), GuideLibrary.load(null));
        assertTrue(GuideLibrary.bundled().fingerprint().matches("[0-9a-f]{64}"));
    }

    private static final class StandardOpenOptionHolder {
        static final java.nio.file.OpenOption APPEND = java.nio.file.StandardOpenOption.APPEND;
    }

    private static Guide guide(GuideLibrary library, String id) {
        return library.guides().stream().filter(g -> g.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no guide " + id + " in " + library.guides()));
    }

    private static List<Section> sections(GuideLibrary library, String guideId) {
        return library.sections().stream().filter(s -> s.guide().id().equals(guideId)).toList();
    }

    private static List<String> headings(GuideLibrary library, String guideId) {
        return sections(library, guideId).stream().map(s -> String.join(" > ", s.headingPath())).toList();
    }

    private static Section section(GuideLibrary library, String id) {
        return library.sections().stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no section " + id));
    }
}
