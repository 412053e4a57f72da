package dev.pcibot.bot.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pcibot.bot.badinput.BadInputs.Expect;
import dev.pcibot.bot.badinput.BadInputs.Outcome;
import dev.pcibot.bot.badinput.BadInputs.OverLimitStream;
import dev.pcibot.bot.badinput.BadInputs.Row;
import dev.pcibot.bot.cli.Cli;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of {@link BadInputs} through the command line, run in-process: {@code search QUESTION}
 * with the row's text as the argument, {@code diagnose FILE} with its bytes in a file and
 * {@code diagnose -} with them on standard input. An answer exits 0 with the result on stdout; a
 * refusal exits 2 with one line {@code error: ...} holding the row's words on stderr and nothing on
 * stdout; never a stack trace. The CLI's paste limit is the diagnoser's 64 MiB; the over-limit row
 * is streamed (and must be refused before it was read through) or written to a file once.
 */
class CliDoorTest {
    private static final long DIAGNOSER_LIMIT = 64L * BadInputs.MEGABYTE;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static String cleanFirstSection;

    record Run(int code, String out, String err) {}

    @BeforeAll
    static void buildIndexOnce() throws IOException {
        Run index = run(InputStream.nullInputStream(), "index");
        assertEquals(0, index.code(), index.err());
        Run clean = run(InputStream.nullInputStream(), "search", BadInputs.CLEAN_QUESTION, "--json");
        assertEquals(0, clean.code(), clean.err());
        cleanFirstSection = JSON.readTree(clean.out()).path("hits").path(0).path("sectionId").asText();
        assertFalse(cleanFirstSection.isEmpty(), clean.out());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pcibot.bot.badinput.BadInputs#questions")
    void searchAnswersEveryRow(Row row) throws IOException {
        Run run = run(InputStream.nullInputStream(), "search", row.question().text(), "--json");
        Expect expect = row.asQuestion();
        if (expect.outcome() == Outcome.REFUSED) {
            assertRefused(run, expect.says());
            return;
        }
        assertEquals(0, run.code(), run.err());
        JsonNode answer = JSON.readTree(run.out());
        assertTrue(answer.path("hits").isArray(), run.out());
        if (!expect.says().isEmpty()) {
            List<String> sections = new ArrayList<>();
            answer.path("hits").forEach(h -> sections.add(h.path("sectionId").asText()));
            assertTrue(sections.contains(cleanFirstSection), "answers like '" + expect.says() + "': " + sections);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pcibot.bot.badinput.BadInputs#pastes")
    void diagnoseFileAnswersEveryRow(Row row) throws IOException {
        Path file = dir.resolve("paste-" + Integer.toHexString(row.name().hashCode()) + ".txt");
        if (row.overLimit()) {
            try (InputStream in = new OverLimitStream(DIAGNOSER_LIMIT + BadInputs.MEGABYTE);
                    OutputStream out = Files.newOutputStream(file)) {
                in.transferTo(out);
            }
        } else {
            Files.write(file, row.paste().bytes());
        }
        try {
            check(row, run(InputStream.nullInputStream(), "diagnose", file.toString(), "--json"));
        } finally {
            Files.delete(file);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pcibot.bot.badinput.BadInputs#pastes")
    void diagnoseStandardInputAnswersEveryRow(Row row) throws IOException {
        if (row.overLimit()) {
            OverLimitStream stdin = new OverLimitStream(DIAGNOSER_LIMIT * 4);
            check(row, run(stdin, "diagnose", "-", "--json"));
            assertTrue(stdin.bytesRead() < DIAGNOSER_LIMIT * 2, "stopped reading at the limit: " + stdin.bytesRead());
            return;
        }
        check(row, run(new ByteArrayInputStream(row.paste().bytes()), "diagnose", "-", "--json"));
    }

    private static void check(Row row, Run run) throws IOException {
        Expect expect = row.asPaste();
        if (expect.outcome() == Outcome.REFUSED) {
            assertRefused(run, row.overLimit() ? "larger than 64 MiB" : expect.says());
            return;
        }
        assertEquals(0, run.code(), run.err());
        JsonNode diagnosis = JSON.readTree(run.out());
        assertTrue(diagnosis.path("findings").isArray(), run.out());
        if (!expect.says().isEmpty()) {
            List<String> ids = new ArrayList<>();
            diagnosis.path("findings").forEach(f -> ids.add(f.path("id").asText()));
            assertTrue(ids.contains(expect.says()), expect.says() + " in " + ids);
        }
    }

    private static void assertRefused(Run run, String says) {
        assertEquals(2, run.code(), "exit 2 (bad input): " + run.err() + run.out());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith("error: "), run.err());
        assertEquals(1, run.err().lines().count(), "one line, no stack trace: " + run.err());
        assertTrue(run.err().toLowerCase().contains(says.toLowerCase()), "'" + says + "' in: " + run.err());
    }

    private static Run run(InputStream stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] withData = new String[args.length + 2];
        System.arraycopy(args, 0, withData, 0, args.length);
        withData[args.length] = "--data-dir";
        withData[args.length + 1] = dir.toString();
        int code = new Cli(stdin, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of()).run(withData);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
