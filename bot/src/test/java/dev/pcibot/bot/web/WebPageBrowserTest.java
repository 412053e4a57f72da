package dev.pcibot.bot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The web page in headless Chromium against the real service (random port, 127.0.0.1), under the
 * Content-Security-Policy the service sends: a search and a diagnosis render, with human labels, and
 * the browser reports no CSP violation. Screenshots at 390 and 1280 px go to
 * {@code target/screenshots/}. Skips when Debian's {@code chromium}/{@code chromium-driver} are not
 * installed, except in CI ({@code PCIBOT_CI=1}), where {@code .ci/run} installs them.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebPageBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @Inject
    EmbeddedServer server;

    ChromeDriver driver;

    @BeforeAll
    void startBrowser() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "1".equals(System.getenv("PCIBOT_CI"))) {
            fail("PCIBOT_CI=1 but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing: .ci/run should have installed them");
        }
        assumeTrue(present, "skipped: no headless Chromium (apt-get install -y chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-extensions", "--window-size=1280,900");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void searchAndDiagnoseRenderUnderTheCspWithHumanLabels() throws IOException {
        driver.get("http://127.0.0.1:" + server.getPort() + "/");

        search("how do i check iommu groups");
        String results = text("#search-results");
        assertTrue(results.contains("Official wiki"), results);
        assertTrue(results.contains("strong match"), results);
        assertFalse(results.matches("(?s).*(OFFICIAL_WIKI|OFFICIAL_ADMIN_GUIDE|COMMUNITY|score \\d).*"), "raw labels: " + results);
        assertFalse(results.contains("(text dump)"), "the wiki's text dump is the wiki, not another guide: " + results);

        search("vfio-pci ids not applied after reboot");
        List<WebElement> fileBlocks = driver.findElements(By.cssSelector("#search-results .block.file"));
        assertTrue(fileBlocks.stream().anyMatch(b -> b.getText().contains("options vfio-pci ids=")),
                "a modprobe.d line is file content, not a $ command");
        assertTrue(driver.findElements(By.cssSelector("#search-results .block.file .prompt")).isEmpty(), "no $ on file lines");
        assertEquals("\"$ \"", js("return getComputedStyle(document.querySelector("
                + "'#search-results .block.shell .line.prompt'), '::before').content"), "shell commands get a $ prompt");

        ((JavascriptExecutor) driver).executeScript("document.getElementById('paste').value = arguments[0]", sample("bar-reserve.txt"));
        driver.findElement(By.cssSelector("#diagnose-form button[type=submit]")).click();
        waitFor("#diagnose-results .finding");
        WebElement first = driver.findElement(By.cssSelector("#diagnose-results .finding"));
        assertEquals("Problem", first.findElement(By.cssSelector(".sev")).getText());
        assertTrue(first.getText().contains("Finding id: bar-reserve-conflict-efifb"), first.getText());
        String recognised = (String) js("return document.querySelector('#diagnose-results details').textContent");
        assertTrue(recognised.contains("lines 1–5: kernel log (dmesg / journalctl -k)"), "part kinds in words: " + recognised);

        screenshots();
        assertNoCspViolation();
    }

    @Test
    void theGuidedWalkStartsFromAPasteAndMovesOnUnderTheCsp() throws IOException {
        driver.get("http://127.0.0.1:" + server.getPort() + "/");
        js("document.getElementById('paste').value = arguments[0]", sample("bar-reserve.txt"));
        driver.findElement(By.id("diagnose-walk")).click();
        waitFor("#ts-step .ts-step h3");
        String first = text("#ts-step");
        assertTrue(first.contains("BAR") || first.contains("bar-reserve-conflict-efifb"),
                "the walk starts from what the paste shows: " + first);
        assertTrue(((String) js("return location.hash")).matches("#t=[0-9a-f-]{36}"), "the address keeps the conversation");
        String stepBefore = stepTitle();

        // move on: skip a command we cannot run, or take the first option of a choice
        List<WebElement> cannot = driver.findElements(By.xpath("//div[@id='ts-step']//button[text()=\"I can't run this\"]"));
        if (!cannot.isEmpty()) {
            cannot.get(0).click();
        } else {
            driver.findElement(By.cssSelector("#ts-step input[type=radio]")).click();
            driver.findElement(By.cssSelector("#ts-step form.ts-ask button[type=submit]")).click();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (stepBefore.equals(stepTitle()) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertFalse(stepBefore.equals(stepTitle()), "the answer moved the walk on from " + stepBefore);
        assertTrue(driver.findElements(By.cssSelector("#ts-step .error")).isEmpty(), text("#ts-step"));

        driver.navigate().refresh(); // the hash resumes the same conversation
        waitFor("#ts-step .ts-step h3");
        assertFalse(stepBefore.equals(stepTitle()), "reload resumed the later step");
        assertNoCspViolation();
    }

    @Test
    void aPasteIsWalkedToItsSummaryWithTheBootLoadersFixCitationsAndGaps() throws IOException {
        driver.get("http://127.0.0.1:" + server.getPort() + "/");
        js("document.getElementById('paste').value = arguments[0]", resource("/converse/walk/diagnose-paste.txt"));
        driver.findElement(By.id("diagnose-walk")).click();
        waitFor("#ts-step .ts-step h3");
        for (int answered = 0; !stepTitle().equals("Summary"); answered++) {
            assertTrue(answered < 10, "no summary after 10 answers; at " + stepTitle() + ": " + text("#ts-step"));
            assertTrue(driver.findElements(By.cssSelector("#ts-step .error")).isEmpty(), text("#ts-step"));
            String before = stepTitle();
            List<WebElement> radios = driver.findElements(By.cssSelector("#ts-step input[type=radio]"));
            if (!radios.isEmpty()) {
                radios.get(0).click(); // the symptom: setting it up
            } else {
                String command = text("#ts-step pre.cmd code");
                js("document.getElementById('ts-paste').value = arguments[0]", resource("/converse/healthy/" + probe(command) + ".txt"));
            }
            driver.findElement(By.cssSelector("#ts-step form.ts-ask button[type=submit]")).click();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (before.equals(stepTitle()) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
        }
        String summary = text("#ts-step");
        assertTrue(summary.contains("obsolete-fb-param"), "the paste's finding: " + summary);
        assertTrue(summary.contains("How to fix it") && summary.contains("/etc/default/grub"), "the GRUB fix: " + summary);
        assertFalse(summary.contains("/etc/kernel/cmdline"), "no systemd-boot variant on a GRUB host: " + summary);
        assertTrue(summary.contains("Source:"), "citations: " + summary);
        assertTrue(summary.contains("not checked:"), "what was not checked: " + summary);
        assertTrue(driver.findElements(By.cssSelector("#ts-step .finding a[href^='http']")).size() > 0, "linked sources");
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        js("document.getElementById('ts-step').scrollIntoView()");
        Files.write(dir.resolve("walk-summary-1280.png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        assertNoCspViolation();
    }

    /** The probe whose command the step shows. */
    private static String probe(String command) {
        for (String[] p : new String[][] {{"dmesg | grep", "kernel-iommu"}, {"find /sys/kernel/iommu_groups", "iommu-groups"},
                {"lsmod", "vfio-modules"}, {"lspci -nnk", "lspci-nnk"}, {"qm config", "qm-config"}}) {
            if (command.contains(p[0])) {
                return p[1];
            }
        }
        return fail("no scripted paste for " + command);
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = WebPageBrowserTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void phoneWidthKeepsCodeAndCopyButtonsInView() {
        driver.manage().window().setSize(new Dimension(390, 844));
        try {
            driver.get("http://127.0.0.1:" + server.getPort() + "/?q=" + "enable+iommu+grub+systemd-boot");
            waitFor("#search-results .hit");
            long overflow = (Long) js("return document.documentElement.scrollWidth - window.innerWidth");
            assertTrue(overflow <= 0, "the page scrolls sideways by " + overflow + " px at 390 px");
            Object hidden = js("return [...document.querySelectorAll('button.copy')]"
                    + ".filter(b => b.getBoundingClientRect().right > window.innerWidth).length");
            assertEquals(0L, hidden, "Copy buttons pushed out of view");
        } finally {
            driver.manage().window().setSize(new Dimension(1280, 900));
        }
    }

    @Test
    void fieldBordersAndFocusRingHaveThreeToOneContrast() {
        driver.get("http://127.0.0.1:" + server.getPort() + "/");
        WebElement q = driver.findElement(By.id("q"));
        double border = contrast((String) js("return getComputedStyle(arguments[0]).borderTopColor", q), "rgb(255, 255, 255)");
        assertTrue(border >= 3.0, "input border contrast " + border);
        q.click();
        double ring = contrast((String) js("return getComputedStyle(arguments[0]).outlineColor", q), "rgb(250, 251, 252)");
        assertTrue(ring >= 3.0, "focus ring contrast " + ring);
        assertNoCspViolation();
    }

    private void search(String question) {
        WebElement q = driver.findElement(By.id("q"));
        q.clear();
        q.sendKeys(question);
        ((JavascriptExecutor) driver).executeScript("document.getElementById('search-results').replaceChildren()");
        driver.findElement(By.cssSelector("#search-form button[type=submit]")).click();
        waitFor("#search-results .hit");
    }

    /** Read in the page, not through an element reference: the step is re-rendered under us. */
    private String stepTitle() {
        return String.valueOf(js("const h = document.querySelector('#ts-step .ts-step h3'); return h ? h.textContent : ''"));
    }

    private void waitFor(String css) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (driver.findElements(By.cssSelector(css)).isEmpty()) {
            if (System.nanoTime() > deadline) {
                fail("nothing matched " + css + " within 60 s; page text: " + driver.findElement(By.tagName("main")).getText());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private void assertNoCspViolation() {
        List<LogEntry> logs = driver.manage().logs().get(LogType.BROWSER).getAll();
        List<String> violations = logs.stream().map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Refused to")).toList();
        assertTrue(violations.isEmpty(), "CSP violations: " + violations);
    }

    private void screenshots() throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        for (int width : new int[] {390, 1280}) {
            driver.manage().window().setSize(new Dimension(width, 900));
            long height = (Long) js("return Math.min(document.documentElement.scrollHeight, 8000)");
            driver.manage().window().setSize(new Dimension(width, (int) height));
            Files.write(dir.resolve("page-" + width + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        }
        driver.manage().window().setSize(new Dimension(1280, 900));
    }

    private static String sample(String name) throws IOException {
        try (InputStream in = WebPageBrowserTest.class.getResourceAsStream("/http/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** WCAG contrast ratio of two CSS rgb()/rgba() colours. */
    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String css) {
        Matcher m = Pattern.compile("rgba?\\((\\d+),\\s*(\\d+),\\s*(\\d+)").matcher(css);
        assertTrue(m.find(), css);
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(m.group(i + 1)) / 255.0;
            c[i] = v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }
}
