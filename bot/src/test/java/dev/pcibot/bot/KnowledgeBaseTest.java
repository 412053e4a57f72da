package dev.pcibot.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pcibot.kb.diagnose.Diagnosis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The knowledge base without Micronaut: built once, reused, rebuilt only when the user's guides change. */
class KnowledgeBaseTest {
    @TempDir
    Path dataDir;

    @TempDir
    Path guides;

    @Test
    void buildsOnceThenReusesAndReloadsOnlyOnChange() throws IOException {
        Path index = dataDir.resolve("index");
        try (KnowledgeBase kb = KnowledgeBase.open(index, guides)) {
            assertTrue(kb.stats().built());
            assertEquals(5, kb.guides().size());
        }
        try (KnowledgeBase kb = KnowledgeBase.open(index, guides)) {
            assertFalse(kb.stats().built(), "same guides: the index on disk is reused");
            assertEquals(Optional.empty(), kb.reloadIfChanged(), "nothing changed");

            Files.writeString(guides.resolve("capture.md"), "# Capture cards\n\n## Frobnicator reset\n\nThe Frobnicator needs a reset.\n");
            KnowledgeBase.Reload added = kb.reloadIfChanged().orElseThrow();
            assertTrue(added.rebuilt());
            assertEquals(List.of("Capture cards (capture.md)"), added.added());
            assertEquals(List.of(), added.removed());
            assertEquals(6, kb.guides().size());
            assertEquals(kb.stats().sections(), added.sections());
            assertTrue(kb.searcher().search("frobnicator reset", 3).hits().stream()
                    .anyMatch(h -> h.citation().guideTitle().equals("Capture cards")));

            Files.write(guides.resolve("photo.txt"), new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0, 0, 0x10});
            KnowledgeBase.Reload withBinary = kb.reloadIfChanged().orElseThrow();
            assertFalse(withBinary.rebuilt(), "a skipped file changes nothing in the index");
            assertEquals(List.of(), withBinary.added());
            assertTrue(withBinary.warnings().stream().anyMatch(w -> w.contains("photo.txt")), withBinary.warnings().toString());
            assertEquals(withBinary.warnings(), kb.warnings());
            assertEquals(Optional.empty(), kb.reloadIfChanged(), "reported once");

            Files.delete(guides.resolve("capture.md"));
            KnowledgeBase.Reload removed = kb.reloadIfChanged().orElseThrow();
            assertEquals(List.of("Capture cards (capture.md)"), removed.removed());
            assertEquals(5, kb.guides().size());
        }
    }

    @Test
    void diagnosisCitesGuideSectionsThroughTheSearch() throws IOException {
        try (KnowledgeBase kb = KnowledgeBase.open(dataDir.resolve("index"), null)) {
            Diagnosis d = kb.diagnoser().diagnose("[  118.290614] vfio-pci 0000:04:00.0: BAR 3: can't reserve [mem 0xca000000-0xcbffffff 64bit]");
            assertEquals("bar-reserve-conflict-efifb", d.findings().get(0).id());
            assertFalse(d.findings().get(0).citations().isEmpty());
            assertEquals(d.findings().get(0).citations().stream().distinct().count(),
                    d.findings().get(0).citations().size(), "no section cited twice");
        }
    }

    @Test
    void noFindingCitesOneLinkTwice() throws IOException {
        // vfio-not-bound cites two admin-guide sections that share the chapter's anchor
        String paste = """
                root@pve:~# lspci -nnk -s 01:00
                01:00.0 VGA compatible controller [0300]: NVIDIA Corporation GP104 [GeForce GTX 1080] [10de:1b80] (rev a1)
                	Kernel driver in use: nouveau
                	Kernel modules: nvidiafb, nouveau
                root@pve:~# cat /etc/modprobe.d/vfio.conf
                options vfio-pci ids=10de:1b80
                """;
        try (KnowledgeBase kb = KnowledgeBase.open(dataDir.resolve("index"), null)) {
            Diagnosis d = kb.diagnoser().diagnose(paste);
            assertTrue(d.findings().stream().anyMatch(f -> f.id().equals("vfio-not-bound")), d.findings().toString());
            for (var f : d.findings()) {
                List<String> urls = f.citations().stream().map(c -> c.url()).toList();
                assertEquals(urls.stream().distinct().toList(), urls, f.id());
            }
        }
    }
}
