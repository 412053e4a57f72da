package dev.pcibot.bot.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import dev.pcibot.kb.diagnose.CitationResolver;
import dev.pcibot.kb.diagnose.Diagnoser;
import dev.pcibot.kb.diagnose.DiagnosisTimeoutException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import net.dv8tion.jda.api.requests.RestAction;
import org.junit.jupiter.api.Test;

/**
 * One user cannot hold every worker (four crafted attachments once held all four), is told when to
 * come back, and no diagnosis holds a worker past its budget.
 */
final class WorkersPerUserTest {
    private static final long FLOODER = 1L;
    private static final long OTHER = 2L;

    @Test
    @SuppressWarnings("unchecked")
    void aUserWhoFloodsIsToldToComeBackInSecondsWhileOthersStillGetAPlace() throws Exception {
        // given 4 workers, and one user's two requests held on a latch
        Workers workers = new Workers(4, 10, 2, Duration.ofSeconds(15));
        CountDownLatch release = new CountDownLatch(1);
        RestAction<Object> ack = mock(RestAction.class);
        doAnswer(call -> {
            ((Consumer<Object>) call.getArgument(0)).accept(null);
            return null;
        }).when(ack).queue(any(), any());
        for (int i = 0; i < 2; i++) {
            assertEquals(Optional.empty(), workers.tryReserve(FLOODER));
            workers.afterAck(FLOODER, ack, () -> await(release));
        }

        // when the same user asks again, they are refused with when to try again; another user is not
        Optional<String> third = workers.tryReserve(FLOODER);
        assertTrue(third.isPresent());
        assertTrue(third.get().matches(".*try again in 1[0-7] s\\."), third.get());
        assertEquals(Optional.empty(), workers.tryReserve(OTHER));
        workers.afterAck(OTHER, ack, () -> {});

        // then once the held work ends, the user has places again
        release.countDown();
        waitUntil(() -> workers.inFlight() == 0);
        assertEquals(Optional.empty(), workers.tryReserve(FLOODER));
        workers.close();
    }

    @Test
    void aHostileDiagnosisFreesItsWorkerWhenItsBudgetEnds() throws Exception {
        // given one worker, and a diagnosis of an endless paste that trickles in
        Workers workers = new Workers(1, 0);
        Diagnoser diagnoser = new Diagnoser(CitationResolver.NONE, Duration.ofMillis(300));
        AtomicReference<RuntimeException> outcome = new AtomicReference<>();
        assertTrue(workers.trySubmit(() -> {
            try {
                diagnoser.diagnose(endless());
            } catch (RuntimeException e) {
                outcome.set(e);
            }
        }));

        // then the worker is free again and the user gets the budget's plain message
        waitUntil(() -> workers.inFlight() == 0);
        assertTrue(outcome.get() instanceof DiagnosisTimeoutException, String.valueOf(outcome.get()));
        assertTrue(outcome.get().getMessage().contains("took longer than its limit"), outcome.get().getMessage());
        assertTrue(workers.tryReserve());
        workers.close();
    }

    private static InputStream endless() {
        byte[] line = "[    1.000000] amdgpu 0000:03:00.0: SMU SMU SMU PSP\n".getBytes(StandardCharsets.US_ASCII);
        return new InputStream() {
            @Override
            public int read() {
                return 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                int n = Math.min(len, line.length);
                System.arraycopy(line, 0, b, off, n);
                return n;
            }
        };
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Polls a condition (no timing is asserted; the bound only stops a broken test from hanging). */
    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 2000 && !condition.getAsBoolean(); i++) {
            Thread.sleep(10);
        }
        assertTrue(condition.getAsBoolean());
    }
}
