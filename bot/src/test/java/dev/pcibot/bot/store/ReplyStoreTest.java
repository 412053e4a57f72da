package dev.pcibot.bot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ReplyStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-21T15:00:00Z");

    @Test
    void savedReplyIsFoundWithItsPagesQueryAndAsker() {
        ReplyStore store = new ReplyStore(TestDatabase.migrated());
        List<List<String>> pages = List.of(List.of("group-not-viable", "pve-admin#qm_pci"), List.of(), List.of("wiki#x"));

        StoredReply saved = store.save(ReplyKind.ANSWER, 1L, 2L, 3L, "why is group 13 not viable", pages, T0);
        StoredReply other = store.save(ReplyKind.DIAGNOSIS, null, 2L, 4L, null, List.of(List.of("none")), T0);

        assertNotEquals(saved.id(), other.id());
        assertEquals(saved, store.find(saved.id()).orElseThrow());
        StoredReply dm = store.find(other.id()).orElseThrow();
        assertEquals(null, dm.guildId());
        assertEquals(null, dm.query());
        assertEquals(List.of("wiki#x"), saved.itemsOn(2));
        assertEquals(List.of(), saved.itemsOn(3));
    }

    @Test
    void unknownIdIsEmpty() {
        assertTrue(new ReplyStore(TestDatabase.migrated()).find(42L).isEmpty());
    }

    @Test
    void aDiagnosedTextIsKeptForItsReplyUntilItIsOld() {
        ReplyStore store = new ReplyStore(TestDatabase.migrated());
        StoredReply diagnosis = store.save(ReplyKind.DIAGNOSIS, 1L, 2L, 3L, null, List.of(List.of("none")), T0);
        StoredReply later = store.save(ReplyKind.DIAGNOSIS, 1L, 2L, 3L, null, List.of(List.of("none")), T0);

        store.saveSeed(diagnosis.id(), "[    0.0] DMAR: IOMMU enabled", T0);
        store.saveSeed(later.id(), "lspci", T0.plusSeconds(3600));

        assertEquals("[    0.0] DMAR: IOMMU enabled", store.seed(diagnosis.id()).orElseThrow());
        assertEquals(1, store.deleteSeedsBefore(T0.plusSeconds(60)));
        assertTrue(store.seed(diagnosis.id()).isEmpty());
        assertEquals("lspci", store.seed(later.id()).orElseThrow());
    }

    @Test
    void aKeptLogIsStoredCompressedAndComesBackWhole() {
        String log = "[    0.093192] DMAR: IOMMU enabled ünïcode\n".repeat(20_000);
        byte[] kept = ReplyStore.gzip(log);
        assertTrue(kept.length < log.length() / 10, "a log shrinks: " + kept.length + " bytes");
        assertEquals(log, ReplyStore.gunzip(kept));
    }
}
