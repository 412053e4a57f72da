package dev.pcibot.bot.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;

/**
 * Markup typed or pasted into the web page is shown as text, in headless Chromium: a search for an
 * {@code <img onerror>} and a {@code <script>}, the same through a {@code ?q=} link, and a paste whose
 * evidence line carries them (the diagnosis quotes evidence exactly). Afterwards no img or extra
 * script element exists, {@code window.__x} (which either would set) is undefined, and the literal
 * markup is on the page as text.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class XssBrowserTest {
    private static final String IMG = "<img src=x onerror=\"window.__x=1\">";
    private static final String SCRIPT = "<script>window.__x=2</script>";

    @Inject
    EmbeddedServer server;

    private Browser browser;

    @BeforeAll
    void start() {
        browser = Browser.start();
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aSearchForMarkupShowsItAsText() {
        browser.driver.get(base() + "/");
        browser.js("document.getElementById('q').value = arguments[0]", IMG + " iommu " + SCRIPT);
        browser.driver.findElement(By.cssSelector("#search-form button[type=submit]")).click();
        browser.settled("#search-results", "Searching…");
        assertNothingRan("#search-results");
        assertEquals(IMG + " iommu " + SCRIPT, browser.js("return document.getElementById('q').value"));
    }

    @Test
    void aLinkWithMarkupInItsQuestionShowsItAsText() {
        String q = "zzqx " + IMG + SCRIPT;
        browser.driver.get(base() + "/?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        String shown = browser.settled("#search-results", "Searching…");
        assertNothingRan("#search-results");
        if (shown.contains("No good answer")) {
            assertTrue(shown.contains(IMG) && shown.contains(SCRIPT), "the question quoted as text: " + shown);
        }
    }

    @Test
    void aPasteWithMarkupInItsEvidenceShowsItAsText() {
        browser.driver.get(base() + "/");
        String paste = BadInputs.BASE.replace("64bit]\n", "64bit] " + IMG + SCRIPT + "\n");
        browser.js("document.getElementById('paste').value = arguments[0]", paste);
        browser.driver.findElement(By.cssSelector("#diagnose-form button[type=submit]")).click();
        browser.waitFor("#diagnose-results .finding");
        String evidence = String.valueOf(browser.js(
                "return [...document.querySelectorAll('#diagnose-results pre.evidence')].map(e => e.textContent).join('\\n')"));
        assertTrue(evidence.contains(IMG + SCRIPT), "evidence quoted exactly, as text: " + evidence);
        assertNothingRan("#diagnose-results");
    }

    private void assertNothingRan(String results) {
        assertEquals(0L, browser.js("return document.querySelectorAll(arguments[0] + ' img').length", results),
                "no img element was made from the text");
        assertEquals(0L, browser.js("return document.querySelectorAll(arguments[0] + ' script').length", results));
        assertEquals(2L, browser.js("return document.scripts.length"), "only the page's own app.js and troubleshoot.js");
        assertEquals("undefined", browser.js("return typeof window.__x"), "no markup from the text ran");
        browser.assertNoCspViolation();
    }

    private String base() {
        return "http://127.0.0.1:" + server.getPort();
    }
}
