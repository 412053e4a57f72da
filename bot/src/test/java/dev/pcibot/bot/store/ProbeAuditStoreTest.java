package dev.pcibot.bot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

final class ProbeAuditStoreTest {
    static final Instant T0 = Instant.parse("2026-12-03T09:00:00Z");

    static ProbeAuditEntry allowed(Instant at) {
        return new ProbeAuditEntry(at, UUID.fromString("0b6d3c38-4c7e-4d7a-9f51-0c8a3e2f1d90"), 1L, 2L, 3L, "asker", "7,8",
                "slash", "qm-config", "pve1", "100", "api", "allow", "grant:admins", 42, 0, null, 512, false,
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    static ProbeAuditEntry refused(Instant at) {
        return new ProbeAuditEntry(at, UUID.randomUUID(), 1L, 2L, 4L, "x".repeat(300), "", "button", "cmdline", "pve1",
                "a".repeat(100), null, "deny", "channel-allow-list", 0, null, null, 0, false, null);
    }

    @Test
    void rowsAreAppendedAndReadNewestFirstPerServer() {
        ProbeAuditStore store = new ProbeAuditStore(TestDatabase.migrated());
        store.append(allowed(T0));
        store.append(refused(T0.plusSeconds(1)));
        store.append(new ProbeAuditEntry(T0, UUID.randomUUID(), null, 5L, 6L, "dm", "", "slash", "version", "pve1", null, null,
                "deny", "direct-message", 0, null, null, 0, false, null));
        List<ProbeAuditEntry> rows = store.recent(1L, 10);
        assertEquals(2, rows.size());
        assertEquals("deny", rows.get(0).decision());
        assertEquals(100, rows.get(0).userTag().length(), "cut to the column, still recorded");
        assertEquals(64, rows.get(0).argument().length());
        assertEquals(allowed(T0), rows.get(1));
        assertEquals(1, store.recent(1L, 1).size());
    }
}
