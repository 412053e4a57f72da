package dev.pcibot.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pcibot.bot.http.HealthResponse;
import dev.pcibot.bot.http.HitView;
import dev.pcibot.bot.http.SearchResponse;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A guide dropped into {@code kb.user-guides} while the service runs is indexed by the scheduled
 * check and found by the API, and searches keep answering while the new index is built and swapped.
 */
@MicronautTest
@Property(name = "kb.reload-interval", value = "200ms")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserGuideHotSwapTest implements TestPropertyProvider {
    private static final String QUESTION = "frobnicator capture card reset";
    private static final String GUIDE = """
            # Frobnicator 9000 capture card

            ## Passing the Frobnicator through

            The Frobnicator 9000 capture card loses its firmware on every VM reboot. Reset it from the host
            before starting the VM:

            ```
            echo 1 > /sys/bus/pci/devices/0000:05:00.0/reset
            ```
            """;

    private final Path folder;

    @Inject
    @Client("/")
    HttpClient client;

    UserGuideHotSwapTest() {
        try {
            folder = Files.createTempDirectory("pcibot-user-guides");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of("kb.user-guides", folder.toString());
    }

    @AfterAll
    void deleteFolder() throws IOException {
        try (var files = Files.list(folder)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(folder);
    }

    private SearchResponse search() {
        return client.toBlocking().retrieve("/api/search?q=" + QUESTION.replace(' ', '+'), SearchResponse.class);
    }

    private Optional<HitView> userGuideHit(SearchResponse response) {
        return response.hits().stream().filter(h -> h.guide().equals("Frobnicator 9000 capture card")).findFirst();
    }

    @Test
    void newGuideIsFoundAfterTheSwapWhileSearchesContinue() throws Exception {
        HealthResponse before = client.toBlocking().retrieve("/api/health", HealthResponse.class);
        assertEquals(folder.toString(), before.userGuides());
        assertTrue(userGuideHit(search()).isEmpty(), "not known before the file exists");

        // Searches run throughout; none may fail while the index is rebuilt and swapped.
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        Thread load = Thread.ofVirtual().start(() -> {
            while (!stop.get()) {
                try {
                    client.toBlocking().retrieve("/api/search?q=vfio-pci+ids", SearchResponse.class);
                    answered.incrementAndGet();
                } catch (HttpClientResponseException e) {
                    failed.incrementAndGet();
                }
            }
        });

        Files.writeString(folder.resolve("frobnicator.md"), GUIDE);
        Files.write(folder.resolve("scan.txt"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13}); // skipped with a warning

        Optional<HitView> hit = Optional.empty();
        for (int i = 0; i < 600 && hit.isEmpty(); i++) { // waits up to 60 s on a busy machine; no timing is asserted
            Thread.sleep(100);
            hit = userGuideHit(search());
        }
        stop.set(true);
        load.join();

        assertTrue(hit.isPresent(), "the new guide's section is found");
        assertTrue(hit.get().headingPath().contains("Passing the Frobnicator through"), hit.get().headingPath().toString());
        assertEquals(0, failed.get(), "searches failed during the swap");
        assertTrue(answered.get() > 0);
        HealthResponse after = client.toBlocking().retrieve("/api/health", HealthResponse.class);
        assertEquals(before.guides() + 1, after.guides(), "the binary file was skipped, the Markdown one added");
        assertTrue(after.sections() > before.sections());
        assertFalse(search().hits().isEmpty());
    }
}
