package dev.pcibot.bot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

final class GuildSettingsStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-21T15:00:00Z");

    @Test
    void publicChannelsAreAddedOnceListedSortedAndRemoved() {
        GuildSettingsStore store = new GuildSettingsStore(TestDatabase.migrated());
        assertFalse(store.isPublic(1L, 300L)); // caches the empty set first: the add must drop it

        assertTrue(store.addPublicChannel(1L, 300L, 9L, T0));
        assertFalse(store.addPublicChannel(1L, 300L, 9L, T0));
        assertTrue(store.addPublicChannel(1L, 100L, 9L, T0));
        assertTrue(store.addPublicChannel(2L, 500L, 9L, T0));

        assertTrue(store.isPublic(1L, 300L));
        assertFalse(store.isPublic(1L, 500L));
        assertEquals(List.of(100L, 300L), List.copyOf(store.publicChannels(1L)));

        assertTrue(store.removePublicChannel(1L, 300L));
        assertFalse(store.removePublicChannel(1L, 300L));
        assertFalse(store.isPublic(1L, 300L));
        assertEquals(Set.of(500L), store.publicChannels(2L));
    }

    @Test
    void settingsSurviveANewStoreOnTheSameDatabase() {
        DataSource ds = TestDatabase.migrated();
        new GuildSettingsStore(ds).addPublicChannel(1L, 300L, 9L, T0);
        assertTrue(new GuildSettingsStore(ds).isPublic(1L, 300L));
    }
}
