package dev.pcibot.bot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class ClaimStoreTest {
    private final DataSource db = TestDatabase.migrated();
    private final ClaimStore claims = new ClaimStore(db);
    private final Instant now = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void theFirstClaimWinsAndAReplayOfTheSameIdLoses() {
        assertTrue(claims.claim(42, "a", now));
        assertFalse(claims.claim(42, "b", now), "another instance");
        assertFalse(claims.claim(42, "a", now), "the same instance again, as after a gateway replay");
        assertEquals("a", claims.owner(42).orElseThrow());
        assertTrue(claims.claim(43, "b", now));
    }

    @Test
    void ofEightRacingClaimsExactlyOneWins() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<CompletableFuture<Boolean>> racing = IntStream.range(0, 8).mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return claims.claim(7, "instance-" + i, now);
            }, pool)).toList();
            go.countDown();
            long won = 0;
            for (CompletableFuture<Boolean> claim : racing) {
                won += claim.get() ? 1 : 0;
            }
            assertEquals(1, won);
        }
    }

    @Test
    void claimsOlderThanAnHourAreDeletedAsNewOnesArrive() {
        assertTrue(claims.claim(1, "a", now));
        assertTrue(claims.claim(2, "a", now.plus(ClaimStore.KEEP).plus(Duration.ofMinutes(1))));
        assertTrue(claims.owner(1).isEmpty(), "purged");
        assertTrue(claims.owner(2).isPresent());
    }
}
