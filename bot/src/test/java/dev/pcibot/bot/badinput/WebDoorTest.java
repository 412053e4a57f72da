package dev.pcibot.bot.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pcibot.bot.badinput.BadInputs.Expect;
import dev.pcibot.bot.badinput.BadInputs.Outcome;
import dev.pcibot.bot.badinput.BadInputs.OverLimitStream;
import dev.pcibot.bot.badinput.BadInputs.Row;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;

/**
 * Every row of {@link BadInputs} through the web page in headless Chromium: typed into the search
 * box, put into the paste box, and chosen as the log file (its bytes as they are). The page shows
 * an answer, a diagnosis, or the service's message in its error box (what happened, what to do);
 * it never hangs on "Searching…" or shows nothing, and the browser reports no CSP violation. Values
 * are set by script, so the search box's maxlength (which a paste into it would apply) does not
 * hide what the service does with a long question. The paste limit is 4 MiB here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebDoorTest {
    private static final long LIMIT = 4L * BadInputs.MEGABYTE;

    @TempDir
    Path dir;

    private EmbeddedServer server;
    private Browser browser;

    @BeforeAll
    void start() {
        browser = Browser.start();
        server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "pcibot.max-paste-bytes", String.valueOf(LIMIT),
                "api.rate-limit.requests", "100000"), Environment.TEST);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        if (browser != null) {
            browser.close();
        }
    }

    @AfterEach
    void noCspViolation() {
        browser.assertNoCspViolation();
    }

    private void open() {
        browser.driver.get("http://127.0.0.1:" + server.getPort() + "/");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pcibot.bot.badinput.BadInputs#questions")
    void searchBoxAnswersEveryRow(Row row) {
        open();
        browser.js("document.getElementById('q').value = arguments[0]", row.question().text());
        if (row.question().text().isEmpty()) {
            // the box is required: the browser asks for a question and nothing is sent
            browser.js("document.getElementById('search-form').requestSubmit()");
            assertEquals(Boolean.TRUE, browser.js("return document.getElementById('q').validity.valueMissing"));
            assertFalse(String.valueOf(browser.js("return document.getElementById('q').validationMessage")).isBlank());
            assertEquals(0L, browser.js("return document.getElementById('search-results').childElementCount"));
            return;
        }
        browser.driver.findElement(By.cssSelector("#search-form button[type=submit]")).click();
        String shown = browser.settled("#search-results", "Searching…");
        Expect expect = row.asQuestion();
        if (expect.outcome() == Outcome.REFUSED) {
            assertError("#search-results", expect.says());
            return;
        }
        assertTrue(browser.driver.findElements(By.cssSelector("#search-results .error")).isEmpty(), shown);
        assertTrue(!browser.driver.findElements(By.cssSelector("#search-results .hit")).isEmpty()
                || shown.contains("No good answer"), shown);
        if (!expect.says().isEmpty()) {
            assertTrue(shown.contains(expect.says()), "answers like '" + expect.says() + "': " + shown);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pcibot.bot.badinput.BadInputs#pastes")
    void pasteBoxAnswersEveryRow(Row row) {
        open();
        String paste = row.overLimit() ? "x".repeat((int) LIMIT + BadInputs.MEGABYTE) : row.paste().text();
        browser.js("document.getElementById('paste').value = arguments[0]", paste);
        checkDiagnosis(row);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pcibot.bot.badinput.BadInputs#pastes")
    void logFileAnswersEveryRow(Row row) throws IOException {
        Path file = dir.resolve("log-" + Integer.toHexString(row.name().hashCode()) + ".txt");
        if (row.overLimit()) {
            try (InputStream in = new OverLimitStream(LIMIT * 2); OutputStream out = Files.newOutputStream(file)) {
                in.transferTo(out);
            }
        } else {
            Files.write(file, row.paste().bytes());
        }
        open();
        browser.driver.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        checkDiagnosis(row);
    }

    private void checkDiagnosis(Row row) {
        browser.driver.findElement(By.cssSelector("#diagnose-form button[type=submit]")).click();
        String shown = browser.settled("#diagnose-results", "Reading…");
        Expect expect = row.asPaste();
        if (expect.outcome() == Outcome.REFUSED) {
            assertError("#diagnose-results", row.overLimit() ? "larger than 4 MiB" : expect.says());
            return;
        }
        assertTrue(browser.driver.findElements(By.cssSelector("#diagnose-results .error")).isEmpty(), shown);
        assertTrue(shown.contains("Findings, worst first"), shown);
        if (!expect.says().isEmpty()) {
            assertTrue(shown.contains("Finding id: " + expect.says()), expect.says() + " in: " + shown);
        }
    }

    private void assertError(String results, String says) {
        String error = browser.driver.findElement(By.cssSelector(results + " .error")).getText();
        assertTrue(error.toLowerCase().contains(says.toLowerCase()), "'" + says + "' in the error box: " + error);
        assertFalse(error.contains("Exception") || error.contains("The service answered"), "the service's own words: " + error);
    }
}
