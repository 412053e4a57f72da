package dev.pcibot.bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The command line run in-process: its output, its one-line errors and its exit codes. All tests
 * share one data folder, so the index is built once (by {@link #buildIndexOnce()}) and reused.
 */
class CliTest {
    @TempDir
    static Path dataDir;

    record Run(int code, String out, String err) {}

    static Run runWithInput(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] withData = new String[args.length + 2];
        System.arraycopy(args, 0, withData, 0, args.length);
        withData[args.length] = "--data-dir";
        withData[args.length + 1] = dataDir.toString();
        int code = new Cli(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of()).run(withData);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Run run(String... args) {
        return runWithInput("", args);
    }

    static Path sample(String name) throws IOException {
        Path file = dataDir.resolve(name);
        try (InputStream in = CliTest.class.getResourceAsStream("/http/" + name)) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }

    /** A usage or input error: exit 2, one line on stderr starting "error: ", nothing on stdout. */
    static String badInput(Run run) {
        assertEquals(2, run.code(), run.err());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith("error: "), run.err());
        assertEquals(1, run.err().lines().count(), "one line, no stack trace: " + run.err());
        return run.err();
    }

    @BeforeAll
    static void buildIndexOnce() {
        Run run = run("index");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains(" sections from 5 guides, built ("), run.out());
    }

    @Test
    void indexAgainIsUpToDate() {
        Run run = run("index");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("already up to date"), run.out());
        assertTrue(run.out().contains(dataDir.resolve("index").toString()), run.out());
    }

    @Test
    void searchPrintsCitedHitsAsText() {
        Run run = run("search", "how do I enable IOMMU", "--limit", "2");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().startsWith("1. "), run.out());
        assertTrue(run.out().contains("https://"), run.out());
        assertFalse(run.out().contains("\n3. "), "--limit 2");
    }

    /** Issue 12: the text said "[COMMUNITY, score 5.07]" and put "$ " before configuration lines. */
    @Test
    void searchTextSaysWhoWroteTheGuideAndWhereALineGoes() {
        Run run = run("search", "vfio-pci ids not applied after reboot", "--limit", "3");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("[Official admin guide]") || run.out().contains("[Official wiki]"), run.out());
        assertFalse(run.out().matches("(?s).*\\b(OFFICIAL_WIKI|OFFICIAL_ADMIN_GUIDE|COMMUNITY)\\b.*"), run.out());
        assertFalse(run.out().contains("score "), run.out());
        assertTrue(run.out().contains("in a file: options vfio-pci ids="), run.out());
        assertFalse(run.out().contains("$ options "), run.out());
    }

    @Test
    void searchWordsNeedNoQuotes() {
        Run run = run("search", "intel_iommu=on", "grub");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("$ "), "commands on their own lines: " + run.out());
    }

    @Test
    void searchJsonIsTheApiShape() throws IOException {
        Run run = run("search", "--json", "how do I enable IOMMU");
        assertEquals(0, run.code(), run.err());
        JsonNode json = ObjectMapper.getDefault().readValue(run.out(), JsonNode.class);
        assertTrue(json.get("answered").getBooleanValue());
        assertTrue(json.get("hits").size() > 0);
        assertTrue(json.get("hits").get(0).get("url").getStringValue().startsWith("http"));
        assertEquals(0, json.get("findings").size(), "key present even when empty");
    }

    @Test
    void quotedKernelMessageIsExplainedAboveTheHits() {
        Run run = run("search", "what does BAR 3: can't reserve mean");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().startsWith("Your question quotes a message the diagnosis knows:"), run.out());
        assertTrue(run.out().contains("(bar-reserve-conflict-efifb)"), run.out());
    }

    @Test
    void noGoodAnswerIsSaidPlainly() {
        Run run = run("search", "how do I bake sourdough bread");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().startsWith("No good answer in the guides"), run.out());
    }

    @Test
    void diagnoseFilePrintsFindingsWorstFirst() throws IOException {
        Run run = run("diagnose", sample("bar-reserve.txt").toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().startsWith("Findings, worst first:"), run.out());
        assertTrue(run.out().contains("(bar-reserve-conflict-efifb)"), run.out());
        assertTrue(run.out().contains("    > [  118.290614] vfio-pci 0000:04:00.0: BAR 3: can't reserve"), run.out());
    }

    @Test
    void diagnoseReadsStandardInput() throws IOException {
        String paste = Files.readString(sample("iommu-param-set-vtd-off.txt"));
        Run dash = runWithInput(paste, "diagnose", "-");
        assertEquals(0, dash.code(), dash.err());
        assertTrue(dash.out().contains("(iommu-not-enabled)"), dash.out());
        Run none = runWithInput(paste, "diagnose");
        assertEquals(dash.out(), none.out(), "no file means standard input");
    }

    @Test
    void diagnoseJson() throws IOException {
        Run run = run("diagnose", sample("bar-reserve.txt").toString(), "--json");
        assertEquals(0, run.code(), run.err());
        JsonNode json = ObjectMapper.getDefault().readValue(run.out(), JsonNode.class);
        assertEquals("bar-reserve-conflict-efifb", json.get("findings").get(0).get("id").getStringValue());
        assertTrue(json.get("nextSteps") != null && json.get("notChecked") != null);
    }

    @Test
    void helpListsEveryVerb() {
        Run run = run("help");
        assertEquals(0, run.code());
        for (String verb : new String[] {"search", "diagnose", "index", "help"}) {
            assertTrue(run.out().contains("  " + verb + " "), verb);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "search                           | search needs a question",
        "search,--limit,lots,iommu        | --limit needs a whole number, not 'lots'",
        "search,--limit,0,iommu           | --limit must be between 1 and 50, not 0",
        "search,iommu,--limit             | --limit needs a value",
        "search,iommu,--colour            | unknown option --colour",
        "frobnicate                       | unknown command 'frobnicate'; try: help",
        "serach,iommu                     | unknown command 'serach' (did you mean 'search'?)",
        "diagnoes,-                       | unknown command 'diagnoes' (did you mean 'diagnose'?)",
        "diagnose,/no/such/file.txt       | no such file: /no/such/file.txt",
        "diagnose,/tmp                    | /tmp is not a file",
        "diagnose,a.txt,b.txt             | diagnose takes one file",
        "index,--user-guides,/no/such/dir | --user-guides /no/such/dir is not a folder",
    })
    void usageErrorsAreOneLineAndExitTwo(String args, String message) {
        String err = badInput(run(args.split(",")));
        assertTrue(err.contains(message), err);
    }

    @Test
    void mistypedVerbIsACommandLineNotAServerStart() {
        assertTrue(Cli.handles(new String[] {"serach", "iommu"}), "a typo must not start the HTTP server");
        assertFalse(Cli.handles(new String[] {}));
        assertFalse(Cli.handles(new String[] {"run"}));
        assertFalse(Cli.handles(new String[] {"--micronaut.server.port=8081"}));
    }

    /** Runs without {@code --data-dir}: the folder must come from the property or variable given. */
    static Run runConfigured(Map<String, String> env, Properties properties, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env, properties).run(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource({"property, kb.data-dir", "env, KB_DATA_DIR", "env, PCIBOT_DATA_DIR"})
    void dataDirComesFromEverySettingTheReadmeNames(String kind, String name) {
        Properties properties = new Properties();
        Map<String, String> env = Map.of();
        if (kind.equals("property")) {
            properties.setProperty(name, dataDir.toString());
        } else {
            env = Map.of(name, dataDir.toString());
        }
        Run run = runConfigured(env, properties, "index");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("Index in " + dataDir.resolve("index") + ": "), run.out());
        assertTrue(run.out().contains("already up to date"), "the index built in @BeforeAll: " + run.out());
    }

    @Test
    void propertyWinsOverEnvironmentAndOptionOverBoth(@TempDir Path other) {
        Properties properties = new Properties();
        properties.setProperty("kb.data-dir", dataDir.toString());
        Run run = runConfigured(Map.of("PCIBOT_DATA_DIR", other.toString()), properties, "index", "--json");
        assertTrue(run.out().contains(dataDir.resolve("index").toString()), run.out());
        Path option = other.resolve("opt");
        Run optionRun = runConfigured(Map.of(), properties, "index", "--data-dir", option.toString(), "--json");
        assertTrue(optionRun.out().contains(option.resolve("index").toString()), optionRun.out());
    }

    @Test
    void userGuidesFromThePropertyAreChecked() {
        Properties properties = new Properties();
        properties.setProperty("kb.user-guides", "/no/such/guides");
        String err = badInput(runConfigured(Map.of(), properties, "index", "--data-dir", dataDir.toString()));
        assertTrue(err.contains("/no/such/guides is not a folder"), err);
    }

    @Test
    void helpOnAVerbPrintsTheHelp() {
        Run run = run("search", "--help");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("Exit codes: 0 done"), run.out());
    }

    @Test
    void unsearchableQueryGivesTheKbMessage() {
        assertTrue(badInput(run("search", "?!?!")).contains("no words or numbers"));
        assertTrue(badInput(run("search", "x".repeat(20_000))).contains("too long"));
    }

    @Test
    void emptyOrBinaryInputGivesTheKbMessage() throws IOException {
        assertTrue(badInput(runWithInput("", "diagnose", "-")).contains("nothing to diagnose"));
        Path png = dataDir.resolve("screenshot.png");
        Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
        assertTrue(badInput(run("diagnose", png.toString())).contains("binary"));
    }
}
