package dev.pcibot.bot.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The API links only to web pages: a user guide whose sidecar says {@code origin=javascript:...}
 * is found without a link (no script reaches the page's href), and one without a sidecar, whose
 * origin is its file on the server, is not linked either (a file: link leaks the server's paths and
 * opens nothing in a browser).
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserGuideLinksTest implements TestPropertyProvider {
    private final Path folder;

    @Inject
    @Client("/")
    HttpClient client;

    UserGuideLinksTest() {
        try {
            folder = Files.createTempDirectory("pcibot-user-guides");
            Files.writeString(folder.resolve("frobnicator.md"), """
                    # Frobnicator 9000 capture card

                    ## Passing the Frobnicator through

                    The Frobnicator 9000 capture card loses its firmware on every VM reboot.
                    """);
            Files.writeString(folder.resolve("frobnicator.md.properties"), "origin=javascript:alert(document.cookie)\n");
            Files.writeString(folder.resolve("quuxinator.md"), """
                    # Quuxinator notes

                    ## Quuxinator passthrough

                    The Quuxinator sound card needs its ROM dumped before passthrough.
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of("kb.user-guides", folder.toString());
    }

    private HitView top(String question) {
        SearchResponse r = client.toBlocking().retrieve(HttpRequest.GET("/api/search?q=" + question.replace(' ', '+')),
                SearchResponse.class);
        assertTrue(r.answered(), question);
        return r.hits().get(0);
    }

    @Test
    void aJavascriptOriginIsNeverALink() {
        HitView hit = top("frobnicator capture card firmware");
        assertEquals("Frobnicator 9000 capture card", hit.guide());
        assertEquals("", hit.url());
        String raw = client.toBlocking().retrieve("/api/search?q=frobnicator+capture+card+firmware");
        assertFalse(raw.toLowerCase(java.util.Locale.ROOT).contains("javascript:"), raw);
    }

    @Test
    void aFileOriginIsNotLinkedByTheApi() {
        HitView hit = top("quuxinator sound card rom");
        assertEquals("", hit.url());
        String raw = client.toBlocking().retrieve("/api/search?q=quuxinator+sound+card+rom");
        assertFalse(raw.contains("file:"), raw);
        assertFalse(raw.contains(folder.toString()), raw);
    }

    @Test
    void bundledGuidesKeepTheirWebLinksInHitsAndFindings() {
        HitView hit = top("iommu groups");
        assertTrue(hit.url().startsWith("https://"), hit.url());
        String diagnosis = client.toBlocking().retrieve(HttpRequest.POST("/api/diagnose",
                "[    0.512345] pci 0000:01:00.0: BAR 3: can't reserve [mem 0xc0000000-0xc1ffffff 64bit pref]\n")
                .contentType(MediaType.TEXT_PLAIN_TYPE));
        assertTrue(diagnosis.contains("\"url\":\"https://"), diagnosis);
    }
}
