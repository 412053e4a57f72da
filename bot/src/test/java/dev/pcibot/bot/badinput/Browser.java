package dev.pcibot.bot.badinput;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Debian's headless Chromium driven through chromedriver, started as the web page test does:
 * skipped when they are not installed, except in CI ({@code PCIBOT_CI=1}), where that fails.
 */
final class Browser implements AutoCloseable {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    static Browser start() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "1".equals(System.getenv("PCIBOT_CI"))) {
            fail("PCIBOT_CI=1 but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing");
        }
        assumeTrue(present, "skipped: no headless Chromium (apt-get install -y chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-extensions", "--window-size=1280,900");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options));
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Waits until {@code css} matches, up to 60 s. */
    void waitFor(String css) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (driver.findElements(By.cssSelector(css)).isEmpty()) {
            if (System.nanoTime() > deadline) {
                fail("nothing matched " + css + " within 60 s; page text: " + driver.findElement(By.tagName("main")).getText());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The text of {@code css} once it holds something other than {@code waiting}, up to 60 s. */
    String settled(String css, String waiting) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            String text = String.valueOf(js("return document.querySelector(arguments[0]).textContent", css));
            if (!text.isBlank() && !text.equals(waiting)) {
                return text;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError(css + " still shows '" + waiting + "' after 60 s");
    }

    void assertNoCspViolation() {
        List<LogEntry> logs = driver.manage().logs().get(LogType.BROWSER).getAll();
        List<String> violations = logs.stream().map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Refused to")).toList();
        assertTrue(violations.isEmpty(), "CSP violations: " + violations);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
